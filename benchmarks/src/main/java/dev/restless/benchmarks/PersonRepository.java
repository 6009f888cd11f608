package dev.restless.benchmarks;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.query.Param;
import org.springframework.data.rest.core.annotation.RepositoryRestResource;

/** Shared by all three: Spring Data REST exports it, Restless and the manual controllers use it. */
@RepositoryRestResource(path = "people", collectionResourceRel = "people")
public interface PersonRepository extends JpaRepository<Person, Long> {

	/** Spring Data REST's closest equivalent of a filtered, sorted page. */
	Page<Person> findByAgeGreaterThan(@Param("age") int age, Pageable pageable);

	/** Spring Data REST's closest equivalent of a cursor page: keyset on the id, no count. */
	List<Person> findFirst20ByIdGreaterThanOrderByIdAsc(@Param("id") long id);

}
