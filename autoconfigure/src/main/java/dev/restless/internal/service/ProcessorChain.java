package dev.restless.internal.service;

import dev.restless.processing.Postprocessor;
import dev.restless.processing.PostprocessContext;
import dev.restless.processing.Preprocessor;
import dev.restless.processing.PreprocessContext;
import dev.restless.processing.ProcessorScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import dev.restless.Operation;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The application's pre- and postprocessor beans, each with its scope, in the order they run:
 * global before scoped, each group by {@code @Order}.
 */
public final class ProcessorChain {

	private final List<Scoped<Preprocessor>> preprocessors;

	private final List<Scoped<Postprocessor>> postprocessors;

	private ProcessorChain(List<Scoped<Preprocessor>> preprocessors, List<Scoped<Postprocessor>> postprocessors) {
		this.preprocessors = preprocessors;
		this.postprocessors = postprocessors;
	}

	/**
	 * Collect the processor beans of an application.
	 * @param beanFactory the bean factory
	 * @return the chain
	 */
	public static ProcessorChain of(ListableBeanFactory beanFactory) {
		return new ProcessorChain(collect(beanFactory, Preprocessor.class), collect(beanFactory, Postprocessor.class));
	}

	private static <P> List<Scoped<P>> collect(ListableBeanFactory beanFactory, Class<P> type) {
		List<Scoped<P>> scoped = new ArrayList<>();
		beanFactory.getBeansOfType(type).forEach((name, bean) -> {
			ProcessorScope scope = beanFactory.findAnnotationOnBean(name, ProcessorScope.class);
			Set<String> collections = (scope != null) ? Set.of(scope.collections()) : Set.of();
			Set<Operation> operations = (scope != null) ? Set.of(scope.operations()) : Set.of();
			scoped.add(new Scoped<>(bean, collections, operations, order(beanFactory, name, bean)));
		});
		scoped.sort(Comparator.comparing((Scoped<P> s) -> s.isGlobal() ? 0 : 1).thenComparingInt(Scoped::order));
		return List.copyOf(scoped);
	}

	private static int order(ListableBeanFactory beanFactory, String name, Object bean) {
		// Looked up on the bean definition so that @Order on a @Bean method counts too.
		Order order = beanFactory.findAnnotationOnBean(name, Order.class);
		if (order != null) {
			return order.value();
		}
		return (bean instanceof Ordered ordered) ? ordered.getOrder() : Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * Run the preprocessors that apply to the context's collection and operation.
	 * @param context the request
	 */
	public void preprocess(PreprocessContext context) {
		for (Scoped<Preprocessor> scoped : this.preprocessors) {
			if (scoped.appliesTo(context.collection(), context.operation())) {
				scoped.processor().preprocess(context);
			}
		}
	}

	/**
	 * Run the postprocessors that apply to the context's collection and operation.
	 * @param context the response
	 */
	public void postprocess(PostprocessContext context) {
		for (Scoped<Postprocessor> scoped : this.postprocessors) {
			if (scoped.appliesTo(context.collection(), context.operation())) {
				scoped.processor().postprocess(context);
			}
		}
	}

	private record Scoped<P>(P processor, Set<String> collections, Set<Operation> operations, int order) {

		boolean isGlobal() {
			return this.collections.isEmpty() && this.operations.isEmpty();
		}

		boolean appliesTo(String collection, Operation operation) {
			return (this.collections.isEmpty() || this.collections.contains(collection))
					&& (this.operations.isEmpty() || this.operations.contains(operation));
		}

	}

}
