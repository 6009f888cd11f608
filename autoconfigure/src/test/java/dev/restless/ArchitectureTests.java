package dev.restless;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture of Restless, as CONTRIBUTING.md describes it: one-way layers, no package cycles,
 * a public API that knows nothing of the implementation, the database reached only through the
 * service layer, and {@code @NullMarked} on every package.
 * <p>
 * Each rule is checked by a plain JUnit test method rather than an {@code @ArchTest} field:
 * Surefire 3.5.3 silently skips {@code @ArchTest} fields.
 */
class ArchitectureTests {

	private static final String ROOT = "dev.restless";

	/** The main classes of Restless, imported once for all rules. */
	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	private static final String AUTOCONFIGURE = "Auto-configuration";

	private static final String WEB = "Web";

	private static final String OPENAPI = "OpenAPI description";
	private static final String DIAGNOSTICS = "Diagnostics";

	private static final String SERVICE = "Service";

	private static final String DOCUMENT = "Document";

	private static final String PERSISTENCE = "Persistence";

	private static final String IDEMPOTENCY = "Idempotency";

	private static final String QUERY = "Query parsing";

	private static final String PRECONDITION = "Precondition";

	private static final String GRAPH = "Graph";

	private static final String ERROR = "Error";

	private static final String METAMODEL = "Metamodel";

	private static final String PUBLIC_QUERY = "Public query values";

	private static final String PROCESSING = "Processing SPI";

	private static final String PUBLIC_API = "Public API";

	private static final String SECURITY = "Security";

	private static final String PUBLIC_SECURITY = "Public security API";

	/** Every package of Restless, the root included, is one slice: none may depend on itself in a circle. */
	private static final ArchRule PACKAGES_ARE_FREE_OF_CYCLES = slices().assignedFrom(new SliceAssignment() {

		@Override
		public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
			String name = javaClass.getPackageName();
			return name.equals(ROOT) || name.startsWith(ROOT + ".") ? SliceIdentifier.of(name)
					: SliceIdentifier.ignore();
		}

		@Override
		public String getDescription() {
			return "packages of " + ROOT;
		}

	}).should().beFreeOfCycles();

	/**
	 * Each layer uses only the layers below it (and, in layers 4 and 5, its siblings, as long as they
	 * form no cycle); persistence is used by the service layer alone. Every class belongs to a layer.
	 */
	private static final ArchRule LAYERS_ARE_USED_ONLY_FROM_ABOVE = layeredArchitecture()
		.consideringOnlyDependenciesInLayers()
		// 1
		.layer(AUTOCONFIGURE).definedBy("dev.restless.autoconfigure..")
		// 2
		.layer(WEB).definedBy("dev.restless.internal.web..")
		.layer(SECURITY).definedBy("dev.restless.internal.security..")
		.layer(OPENAPI).definedBy("dev.restless.internal.openapi..")
		.layer(DIAGNOSTICS).definedBy("dev.restless.internal.diagnostics..")
		// 3
		.layer(SERVICE).definedBy("dev.restless.internal.service..")
		// 4
		.layer(DOCUMENT).definedBy("dev.restless.internal.document..")
		.layer(PERSISTENCE).definedBy("dev.restless.internal.persistence..")
		.layer(IDEMPOTENCY).definedBy("dev.restless.internal.idempotency..")
		.layer(QUERY).definedBy("dev.restless.internal.query..")
		.layer(PRECONDITION).definedBy("dev.restless.internal.precondition..")
		// 5
		.optionalLayer(GRAPH).definedBy("dev.restless.internal.graph..")
		.layer(ERROR).definedBy("dev.restless.internal.error..")
		.layer(METAMODEL).definedBy("dev.restless.internal.metamodel..")
		.layer(PUBLIC_QUERY).definedBy("dev.restless.query..")
		.layer(PROCESSING).definedBy("dev.restless.processing..")
		// 6
		.layer(PUBLIC_API).definedBy(ROOT)
		.layer(PUBLIC_SECURITY).definedBy("dev.restless.security..")

		.whereLayer(AUTOCONFIGURE).mayNotBeAccessedByAnyLayer()
		.whereLayer(SECURITY).mayOnlyBeAccessedByLayers(AUTOCONFIGURE)
		.whereLayer(PUBLIC_SECURITY).mayOnlyBeAccessedByLayers(AUTOCONFIGURE, WEB, SECURITY)
		.whereLayer(WEB).mayOnlyBeAccessedByLayers(AUTOCONFIGURE)
		.whereLayer(DIAGNOSTICS).mayOnlyBeAccessedByLayers(AUTOCONFIGURE)
		.whereLayer(OPENAPI).mayOnlyBeAccessedByLayers(AUTOCONFIGURE)
		.whereLayer(SERVICE).mayOnlyBeAccessedByLayers(AUTOCONFIGURE, WEB, SECURITY, OPENAPI, DIAGNOSTICS)
		.whereLayer(DOCUMENT).mayOnlyBeAccessedByLayers(AUTOCONFIGURE, WEB, SECURITY, OPENAPI, DIAGNOSTICS, SERVICE,
				PERSISTENCE, QUERY, PRECONDITION)
		.whereLayer(PERSISTENCE).mayOnlyBeAccessedByLayers(AUTOCONFIGURE, SECURITY, SERVICE)
		.whereLayer(IDEMPOTENCY).mayOnlyBeAccessedByLayers(AUTOCONFIGURE, SERVICE)
		.whereLayer(QUERY).mayOnlyBeAccessedByLayers(AUTOCONFIGURE, WEB, SECURITY, OPENAPI, DIAGNOSTICS, SERVICE,
				DOCUMENT, PERSISTENCE, PRECONDITION)
		.whereLayer(PRECONDITION).mayOnlyBeAccessedByLayers(AUTOCONFIGURE, WEB, SECURITY, OPENAPI, DIAGNOSTICS, SERVICE,
				DOCUMENT, PERSISTENCE, QUERY)
		.whereLayer(GRAPH).mayOnlyBeAccessedByLayers(AUTOCONFIGURE, WEB, SECURITY, OPENAPI, DIAGNOSTICS, SERVICE,
				DOCUMENT, PERSISTENCE, QUERY, PRECONDITION,
				ERROR, METAMODEL, PUBLIC_QUERY, PROCESSING)
		.whereLayer(ERROR).mayOnlyBeAccessedByLayers(AUTOCONFIGURE, WEB, SECURITY, OPENAPI, DIAGNOSTICS, SERVICE,
				DOCUMENT, PERSISTENCE, QUERY, PRECONDITION,
				GRAPH, METAMODEL, PUBLIC_QUERY, PROCESSING)
		.whereLayer(METAMODEL).mayOnlyBeAccessedByLayers(AUTOCONFIGURE, WEB, SECURITY, OPENAPI, DIAGNOSTICS, SERVICE,
				DOCUMENT, PERSISTENCE, QUERY, PRECONDITION,
				GRAPH, ERROR, PUBLIC_QUERY, PROCESSING)
		.whereLayer(PUBLIC_QUERY).mayOnlyBeAccessedByLayers(AUTOCONFIGURE, WEB, SECURITY, OPENAPI, DIAGNOSTICS, SERVICE,
				DOCUMENT, PERSISTENCE, QUERY, PRECONDITION,
				GRAPH, ERROR, METAMODEL, PROCESSING)
		.whereLayer(PROCESSING).mayOnlyBeAccessedByLayers(AUTOCONFIGURE, WEB, SECURITY, OPENAPI, DIAGNOSTICS, SERVICE,
				DOCUMENT, PERSISTENCE, QUERY, PRECONDITION,
				GRAPH, ERROR, METAMODEL, PUBLIC_QUERY)
		.whereLayer(PUBLIC_API).mayOnlyBeAccessedByLayers(AUTOCONFIGURE, WEB, SECURITY, OPENAPI, DIAGNOSTICS, SERVICE,
				DOCUMENT, PERSISTENCE, QUERY, PRECONDITION,
				GRAPH, ERROR, METAMODEL, PUBLIC_QUERY, PROCESSING)

		// dev.restless.internal itself holds only its package-info.
		.ensureAllClassesAreContainedInArchitectureIgnoring("dev.restless.internal")
		.because("a layer may use only the layers below it, and only the service layer reaches the database");

	/** The root package is the public API: it uses no other package of Restless. */
	private static final ArchRule ROOT_PACKAGE_DEPENDS_ON_NO_OTHER_RESTLESS_PACKAGE = noClasses()
		.that().resideInAPackage(ROOT)
		.should().dependOnClassesThat().resideInAPackage("dev.restless.*..")
		.because("dev.restless is the public API and must stand alone");

	/** Applications compile against the public API (security included); it must not expose or need the implementation. */
	private static final ArchRule PUBLIC_API_DOES_NOT_DEPEND_ON_INTERNAL = noClasses()
		.that().resideInAnyPackage(ROOT, "dev.restless.processing..", "dev.restless.query..", "dev.restless.security..")
		.should().dependOnClassesThat().resideInAPackage("dev.restless.internal..")
		.because("everything under dev.restless.internal may change without notice");

	/** The web layer, like everything else, reaches the database only through the service layer. */
	private static final ArchRule ONLY_SERVICE_AND_AUTO_CONFIGURATION_USE_PERSISTENCE = noClasses()
		.that().resideOutsideOfPackages("dev.restless.internal.persistence..", "dev.restless.internal.service..",
				"dev.restless.internal.security..", "dev.restless.autoconfigure..", "dev.restless.internal.idempotency..")
		.should().dependOnClassesThat().resideInAnyPackage("dev.restless.internal.persistence..",
				"dev.restless.internal.idempotency..")
		.because("the database is reached only through the service layer (and the row scopes it applies)");

	@Test
	void packagesAreFreeOfCycles() {
		PACKAGES_ARE_FREE_OF_CYCLES.check(CLASSES);
	}

	@Test
	void layersAreUsedOnlyFromAbove() {
		LAYERS_ARE_USED_ONLY_FROM_ABOVE.check(CLASSES);
	}

	@Test
	void rootPackageDependsOnNoOtherRestlessPackage() {
		ROOT_PACKAGE_DEPENDS_ON_NO_OTHER_RESTLESS_PACKAGE.check(CLASSES);
	}

	@Test
	void publicApiDoesNotDependOnInternal() {
		PUBLIC_API_DOES_NOT_DEPEND_ON_INTERNAL.check(CLASSES);
	}

	@Test
	void onlyServiceAndAutoConfigurationUsePersistence() {
		ONLY_SERVICE_AND_AUTO_CONFIGURATION_USE_PERSISTENCE.check(CLASSES);
	}

	/** Every package declares its nullness: unannotated types are non-null. */
	@Test
	void everyPackageIsNullMarked() {
		SortedSet<String> packages = new TreeSet<>();
		for (JavaClass javaClass : CLASSES) {
			packages.add(javaClass.getPackageName());
		}
		List<String> missing = new ArrayList<>();
		for (String name : packages) {
			if (!isNullMarked(name)) {
				missing.add(name);
			}
		}
		if (!missing.isEmpty()) {
			throw new AssertionError("Packages without a package-info.java annotated with @"
					+ NullMarked.class.getName() + ": " + missing);
		}
	}

	private static boolean isNullMarked(String packageName) {
		try {
			return Class.forName(packageName + ".package-info", false, ArchitectureTests.class.getClassLoader())
				.isAnnotationPresent(NullMarked.class);
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

}
