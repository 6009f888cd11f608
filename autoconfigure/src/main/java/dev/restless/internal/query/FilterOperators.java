package dev.restless.internal.query;

import dev.restless.internal.metamodel.InvalidResourceConfigurationException;
import dev.restless.query.Filter;
import dev.restless.query.FilterOperator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.util.StringUtils;

/**
 * The operators of the filter language by name: the built-in ones (Flask-Restless's names and
 * aliases) and the application's {@link FilterOperator} beans. An application operator takes its
 * name and aliases over from a built-in operator; the built-in operator keeps its other names.
 */
public final class FilterOperators {

	/** Names of the relationship operators, which take a filter instead of a value. */
	public static final Set<String> RELATIONSHIP_OPERATORS = Set.of("has", "any");

	/** What to do about an application operator that cannot join the filter language. */
	private static final String ACTION = "Give each FilterOperator bean a name and aliases of its own, other than "
			+ "'has' and 'any'.";

	private final Map<String, FilterOperator> byName;

	/** The names the application's operators claim (over built-in ones of the same name too). */
	private final Set<String> applicationNames;

	/**
	 * Create the operators.
	 * @param applicationOperators the application's operators, which win over built-in ones of
	 * the same name
	 * @param text how the built-in text operators make matching exact on the database
	 * @throws InvalidResourceConfigurationException when two application operators claim a name, or one claims a
	 * reserved or blank name
	 */
	public FilterOperators(List<? extends FilterOperator> applicationOperators, TextMatching text) {
		Map<String, FilterOperator> operators = new LinkedHashMap<>();
		for (FilterOperator operator : BuiltInOperators.all(text)) {
			for (String name : namesOf(operator)) {
				operators.put(name, operator);
			}
		}
		Map<String, FilterOperator> claimed = new LinkedHashMap<>();
		for (FilterOperator operator : applicationOperators) {
			for (String name : namesOf(operator)) {
				if (!StringUtils.hasText(name)) {
					throw new InvalidResourceConfigurationException("Filter operator " + operator + " has a blank name",
							ACTION);
				}
				if (RELATIONSHIP_OPERATORS.contains(name)) {
					throw new InvalidResourceConfigurationException("Filter operator name '" + name + "' of " + operator
							+ " is reserved for relationship filters", ACTION);
				}
				FilterOperator previous = claimed.put(name, operator);
				if (previous != null && previous != operator) {
					throw new InvalidResourceConfigurationException("Filter operators " + previous + " and " + operator
							+ " are both named '" + name + "'", ACTION);
				}
				operators.put(name, operator);
			}
		}
		this.byName = Map.copyOf(operators);
		this.applicationNames = Set.copyOf(claimed.keySet());
	}

	/**
	 * Only the built-in operators.
	 * @param text how text matching is made exact on the database
	 * @return the operators
	 */
	public static FilterOperators builtIn(TextMatching text) {
		return new FilterOperators(List.of(), text);
	}

	/**
	 * An operator by a name or alias.
	 * @param name the name clients give in {@code "op"}
	 * @return the operator, or empty when there is none (the relationship operators {@code has}
	 * and {@code any} are not {@link FilterOperator}s)
	 */
	public Optional<FilterOperator> find(String name) {
		return Optional.ofNullable(this.byName.get(name));
	}

	/**
	 * Whether filters use built-in operators alone. Built-in conditions depend on the filter
	 * alone; an application's operator may build its condition from the caller or the time too.
	 * @param filters the filters
	 * @return whether every operator in them, nested ones included, is a built-in one
	 */
	public boolean builtInOnly(List<Filter> filters) {
		for (Filter filter : filters) {
			if (!builtInOnly(filter)) {
				return false;
			}
		}
		return true;
	}

	private boolean builtInOnly(Filter filter) {
		if (filter instanceof Filter.Comparison comparison) {
			return !this.applicationNames.contains(comparison.operator());
		}
		if (filter instanceof Filter.Unary unary) {
			return !this.applicationNames.contains(unary.operator());
		}
		if (filter instanceof Filter.FieldComparison fields) {
			return !this.applicationNames.contains(fields.operator());
		}
		if (filter instanceof Filter.Related related) {
			return builtInOnly(related.condition());
		}
		if (filter instanceof Filter.And and) {
			return builtInOnly(and.filters());
		}
		if (filter instanceof Filter.Or or) {
			return builtInOnly(or.filters());
		}
		return builtInOnly(((Filter.Not) filter).filter());
	}

	/** @return every operator name and alias, relationship operators included */
	public Set<String> names() {
		Set<String> names = new TreeSet<>(this.byName.keySet());
		names.addAll(RELATIONSHIP_OPERATORS);
		return names;
	}

	private static List<String> namesOf(FilterOperator operator) {
		List<String> names = new ArrayList<>();
		names.add(operator.name());
		names.addAll(operator.aliases());
		return names;
	}

}
