package dev.restless.internal.metamodel;

import java.util.function.BiConsumer;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PropertyAccessorTests {

	@Test
	void publicGettersAndSettersRunSoTheirLogicApplies() {
		PropertyAccessor accessor = PropertyAccessor.of(Gadget.class, "label", null);
		Gadget gadget = new Gadget();

		accessor.set(gadget, "  lamp ");

		assertThat(gadget.label).isEqualTo("lamp");
		assertThat(accessor.get(gadget)).isEqualTo("LAMP");
	}

	@Test
	void privateFieldsWithoutAccessorsAreReadAndWrittenDirectly() {
		PropertyAccessor accessor = PropertyAccessor.of(Gadget.class, "serial", null);
		Gadget gadget = new Gadget();

		accessor.set(gadget, "S-1");

		assertThat(gadget.serial).isEqualTo("S-1");
		assertThat(accessor.get(gadget)).isEqualTo("S-1");
	}

	@Test
	void aFieldWithOnlyAGetterIsReadThroughItAndWrittenDirectly() {
		PropertyAccessor accessor = PropertyAccessor.of(Gadget.class, "weight", null);
		Gadget gadget = new Gadget();

		accessor.set(gadget, 3);

		assertThat(gadget.weight).isEqualTo(3);
		assertThat(accessor.get(gadget)).isEqualTo(30);
	}

	@Test
	void booleansAreReadThroughTheirIsGetter() {
		PropertyAccessor accessor = PropertyAccessor.of(Gadget.class, "active", null);
		Gadget gadget = new Gadget();

		accessor.set(gadget, true);

		assertThat(gadget.active).isTrue();
		assertThat(accessor.get(gadget)).isEqualTo(true);
		assertThat(gadget.activeReads).isEqualTo(1);
	}

	@Test
	void aPropertyWithOnlyAGetterAndNoFieldIsReadThroughTheGetter() throws NoSuchMethodException {
		PropertyAccessor accessor = PropertyAccessor.of(Gadget.class, "summary",
				Gadget.class.getMethod("getSummary"));
		Gadget gadget = new Gadget();
		gadget.serial = "S-2";

		assertThat(accessor.type()).isEqualTo(String.class);
		assertThat(accessor.get(gadget)).isEqualTo("gadget S-2");
	}

	@Test
	void theFieldsOfARecordAreRead() {
		PropertyAccessor accessor = PropertyAccessor.of(Dimensions.class, "height", null);

		assertThat(accessor.get(new Dimensions(4, 7))).isEqualTo(7);
	}

	@Test
	void nullForAPrimitiveIsRefusedWithTheAttributeName() {
		PropertyAccessor accessor = PropertyAccessor.of(Gadget.class, "active", null);

		assertThatIllegalArgumentException().isThrownBy(() -> accessor.set(new Gadget(), null))
			.withMessage("Attribute 'active' cannot be null");
	}

	@Test
	void creatingAnAccessorCompilesNothing() {
		PropertyAccessor accessor = PropertyAccessor.of(Gadget.class, "label", null);

		assertThat(accessor.reader()).isNull();
		assertThat(accessor.writer()).isNull();
	}

	@Test
	void aGetterIsCompiledToALambdaOnTheFirstReadAndOnlyThen() {
		PropertyAccessor accessor = PropertyAccessor.of(Gadget.class, "label", null);
		Gadget gadget = new Gadget();

		accessor.get(gadget);
		Function<Object, ?> compiled = accessor.reader();
		accessor.get(gadget);

		assertThat(compiled).isNotNull();
		// a lambda spun for the getter is defined in the entity's class, not in PropertyAccessor
		assertThat(compiled.getClass().getName()).startsWith(Gadget.class.getName() + "$$Lambda");
		assertThat(accessor.reader()).isSameAs(compiled);
		assertThat(accessor.writer()).isNull();
	}

	@Test
	void aSetterIsCompiledToALambdaOnTheFirstWriteAndOnlyThen() {
		PropertyAccessor accessor = PropertyAccessor.of(Gadget.class, "label", null);
		Gadget gadget = new Gadget();

		accessor.set(gadget, "a");
		BiConsumer<Object, ?> compiled = accessor.writer();
		accessor.set(gadget, "b");

		assertThat(compiled).isNotNull();
		assertThat(compiled.getClass().getName()).startsWith(Gadget.class.getName() + "$$Lambda");
		assertThat(accessor.writer()).isSameAs(compiled);
		assertThat(accessor.reader()).isNull();
		assertThat(gadget.label).isEqualTo("b");
	}

	static class Gadget {

		private String label = "lamp";

		private String serial;

		private int weight;

		private boolean active;

		private int activeReads;

		public String getLabel() {
			return this.label.toUpperCase();
		}

		public void setLabel(String label) {
			this.label = label.strip();
		}

		public int getWeight() {
			return this.weight * 10;
		}

		public boolean isActive() {
			this.activeReads++;
			return this.active;
		}

		public void setActive(boolean active) {
			this.active = active;
		}

		public String getSummary() {
			return "gadget " + this.serial;
		}

	}

	record Dimensions(int width, int height) {
	}

}
