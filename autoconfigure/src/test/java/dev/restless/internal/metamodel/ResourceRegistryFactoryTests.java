package dev.restless.internal.metamodel;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.restless.ExposedResource;
import dev.restless.RestlessSettings;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Version;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceRegistryFactoryTests {

	private static EntityManagerFactory entityManagerFactory;

	private final ResourceRegistry registry = new ResourceRegistryFactory(new RestlessSettings())
		.create(entityManagerFactory.getMetamodel());

	@BeforeAll
	static void createTheModel() {
		entityManagerFactory = new HibernatePersistenceConfiguration("registry-factory-tests")
			.managedClasses(Shelf.class, Book.class)
			.jdbcUrl("jdbc:h2:mem:" + UUID.randomUUID())
			.jdbcCredentials("sa", "")
			.createEntityManagerFactory();
	}

	@AfterAll
	static void close() {
		entityManagerFactory.close();
	}

	@Test
	void anAttributeThatIsAlsoThePrimaryKeyHasOneAccessorForBoth() {
		ResourceDescriptor shelf = this.registry.find(Shelf.class).orElseThrow();

		assertThat(shelf.id().accessor()).isSameAs(shelf.attributes().get("code").accessor());
	}

	@Test
	void buildingTheRegistryCompilesNoAccessor() {
		assertThat(accessors()).isNotEmpty().allSatisfy((accessor) -> {
			assertThat(accessor.reader()).as(accessor.name()).isNull();
			assertThat(accessor.writer()).as(accessor.name()).isNull();
		});
	}

	@Test
	void theAccessorsOfTheRegistryReadAndWriteTheirEntities() {
		ResourceDescriptor book = this.registry.find(Book.class).orElseThrow();
		Shelf shelf = new Shelf();
		Book entity = new Book();

		book.id().write(entity, 5L);
		book.attributes().get("title").accessor().set(entity, "Dune");
		book.relationships().get("shelf").accessor().set(entity, shelf);

		assertThat(book.keyOf(entity)).isEqualTo(5L);
		assertThat(book.attributes().get("title").accessor().get(entity)).isEqualTo("Dune");
		assertThat(book.relationships().get("shelf").accessor().get(entity)).isSameAs(shelf);
		assertThat(book.version().get(entity)).isEqualTo(0L);
	}

	private List<PropertyAccessor> accessors() {
		List<PropertyAccessor> accessors = new ArrayList<>();
		for (ResourceDescriptor resource : this.registry.all()) {
			accessors.add(resource.id().accessor());
			if (resource.version() != null) {
				accessors.add(resource.version());
			}
			resource.attributes().values().forEach((attribute) -> accessors.add(attribute.accessor()));
			resource.relationships().values().forEach((relationship) -> accessors.add(relationship.accessor()));
		}
		return accessors;
	}

	@Entity(name = "Shelf")
	@ExposedResource(primaryKey = "code")
	public static class Shelf {

		@Id
		@GeneratedValue
		private Long id;

		private String code;

		private String label;

		@OneToMany(mappedBy = "shelf")
		private List<Book> books = new ArrayList<>();

		public String getCode() {
			return this.code;
		}

		public void setCode(String code) {
			this.code = code;
		}

	}

	@Entity(name = "Book")
	@ExposedResource
	public static class Book {

		@Id
		private Long id;

		@Version
		private long version;

		private String title;

		@ManyToOne
		private Shelf shelf;

		public Long getId() {
			return this.id;
		}

		public void setId(Long id) {
			this.id = id;
		}

		public String getTitle() {
			return this.title;
		}

		public void setTitle(String title) {
			this.title = title;
		}

		public Shelf getShelf() {
			return this.shelf;
		}

		public void setShelf(Shelf shelf) {
			this.shelf = shelf;
		}

		public long getVersion() {
			return this.version;
		}

	}

}
