package dev.restless.sample;

import java.time.LocalDate;

import jakarta.persistence.EntityManager;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty database with people, their computers, users and their goal trees, so the API
 * has something to show at once. Each user's password is their name, stored as a bcrypt hash.
 * Switch it off with {@code sample.seed=false}.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty(name = "sample.seed",
		matchIfMissing = true)
class SeedData implements ApplicationRunner {

	private static final String[][] PEOPLE = { { "Ada Lovelace", "36", "1815-12-10" },
			{ "Alan Turing", "41", "1912-06-23" }, { "Grace Hopper", "85", "1906-12-09" },
			{ "Edsger Dijkstra", "72", "1930-05-11" }, { "Barbara Liskov", "86", "1939-11-07" },
			{ "Donald Knuth", "88", "1938-01-10" }, { "Margaret Hamilton", "90", "1936-08-17" },
			{ "Ken Thompson", "83", "1943-02-04" }, { "Frances Allen", "88", "1932-08-04" },
			{ "John Backus", "82", "1924-12-03" }, { "Radia Perlman", "75", "1951-12-18" },
			{ "Tim Berners-Lee", "71", "1955-06-08" } };

	private static final String[] VENDORS = { "Apple", "Dell", "Lenovo", "Framework", "System76" };

	private final EntityManager entityManager;

	private final PasswordEncoder passwords;

	SeedData(EntityManager entityManager, PasswordEncoder passwords) {
		this.entityManager = entityManager;
		this.passwords = passwords;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		Long people = this.entityManager.createQuery("select count(p) from Person p", Long.class).getSingleResult();
		if (people > 0) {
			return;
		}
		for (int index = 0; index < PEOPLE.length; index++) {
			String[] row = PEOPLE[index];
			String login = row[0].toLowerCase().replaceAll("[^a-z]+", ".");
			Person person = new Person(row[0], Integer.valueOf(row[1]), LocalDate.parse(row[2]), login + "@example.com");
			this.entityManager.persist(person);
			for (int computer = 0; computer <= index % 3; computer++) {
				String vendor = VENDORS[(index + computer) % VENDORS.length];
				this.entityManager.persist(new Computer(vendor + " " + (2019 + computer + index % 4), vendor,
						LocalDate.of(2019 + computer, 1 + index % 12, 1 + index), person));
			}
		}
		goalTree(user("ada", Role.USER), "Write the first program", "Understand the Analytical Engine",
				"Translate Menabrea's paper", "Add the notes", "Compute Bernoulli numbers");
		goalTree(user("grace", Role.USER), "Build a compiler", "Design FLOW-MATIC", "Write the A-0 system",
				"Convince management", "Find the moth");
		this.entityManager.persist(user("newcomer", Role.USER));
		this.entityManager.persist(user("editor", Role.EDITOR));
		this.entityManager.persist(user("admin", Role.ADMIN));
	}

	private User user(String name, Role role) {
		return new User(name, this.passwords.encode(name), role);
	}

	/** A root goal, two children and grandchildren under the first child. */
	private void goalTree(User user, String root, String first, String second, String grandchild,
			String greatGrandchild) {
		this.entityManager.persist(user);
		LocalDate due = LocalDate.of(2027, 1, 31);
		Goal top = new Goal(root, user, null, due);
		Goal child = new Goal(first, user, top, due.minusMonths(2));
		Goal sibling = new Goal(second, user, top, due.minusMonths(1));
		Goal nested = new Goal(grandchild, user, child, due.minusMonths(3));
		Goal deepest = new Goal(greatGrandchild, user, nested, due.minusMonths(4));
		for (Goal goal : new Goal[] { top, child, sibling, nested, deepest }) {
			this.entityManager.persist(goal);
		}
		sibling.setDone(true);
	}

}
