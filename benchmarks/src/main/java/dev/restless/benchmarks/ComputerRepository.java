package dev.restless.benchmarks;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.rest.core.annotation.RepositoryRestResource;

@RepositoryRestResource(path = "computers", collectionResourceRel = "computers")
public interface ComputerRepository extends JpaRepository<Computer, Long> {

	List<Computer> findByOwnerIdIn(List<Long> ownerIds);

}
