// A client generated from the sample application's OpenAPI document: it creates a person and a
// computer they own, reads the computer with its owner included, changes it and deletes both.
// Every request and response is typed by the generated paths; tsc --strict must accept it all.
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/api.js";

type Computer = components["schemas"]["computers.resource"];
type Person = components["schemas"]["people.resource"];

const baseUrl = process.env.RESTLESS_SAMPLE_URL;
if (!baseUrl) {
  throw new Error("Set RESTLESS_SAMPLE_URL to the sample application's root URL");
}

// people and computers are written by editors (see "Securing the API")
const editor = "Basic " + Buffer.from("editor:editor").toString("base64");

const api = createClient<paths>({
  baseUrl,
  headers: {
    "Content-Type": "application/vnd.api+json",
    Accept: "application/vnd.api+json",
    Authorization: editor,
  },
  // JSON:API writes lists in query parameters comma-separated: include=owner,computers
  querySerializer: { array: { style: "form", explode: false } },
});

function check(condition: boolean, message: string): asserts condition {
  if (!condition) {
    throw new Error(message);
  }
}

// Names are unique: a run of its own has a name of its own.
const name = `Frances Allen ${Date.now()}`;
const createdPerson = await api.POST("/api/people", {
  body: {
    data: {
      type: "people",
      attributes: { name, age: 88, email: "frances.allen@example.com" },
    },
  },
});
check(createdPerson.response.status === 201, `creating a person answered ${createdPerson.response.status}`);
const person: Person | undefined = createdPerson.data?.data;
check(person !== undefined, "the created person is in the response");
check(person.attributes?.name === name, "the created person has their name");
console.log(`created people/${person.id}, at ${createdPerson.response.headers.get("Location")}`);

const createdComputer = await api.POST("/api/computers", {
  body: {
    data: {
      type: "computers",
      attributes: { name: "CLU workstation", vendor: "DEC", purchaseDate: "1975-09-01" },
      relationships: { owner: { data: { type: "people", id: person.id } } },
    },
  },
});
check(createdComputer.response.status === 201, `creating a computer answered ${createdComputer.response.status}`);
const computer: Computer | undefined = createdComputer.data?.data;
check(computer !== undefined, "the created computer is in the response");
console.log(`created computers/${computer.id}`);

const read = await api.GET("/api/computers/{id}", {
  params: { path: { id: computer.id }, query: { include: ["owner"], "fields[people]": ["name", "email"] } },
});
check(read.response.status === 200, `reading the computer answered ${read.response.status}`);
const owner = read.data?.data.relationships?.owner?.data;
check(owner != null && owner.id === person.id, "the computer's owner is the person");
const included = read.data?.included ?? [];
const includedOwner = included.find((resource) => resource.type === "people" && resource.id === person.id);
check(includedOwner !== undefined && includedOwner.type === "people", "the owner is included");
check(includedOwner.attributes?.name === name, "the included owner carries the asked fields");
console.log(`read computers/${computer.id} with its owner ${includedOwner.attributes?.name} included`);

const updated = await api.PATCH("/api/computers/{id}", {
  params: { path: { id: computer.id } },
  body: { data: { type: "computers", id: computer.id, attributes: { vendor: "Digital Equipment Corporation" } } },
});
check(updated.response.status === 200, `changing the computer answered ${updated.response.status}`);
check(updated.data?.data.attributes?.vendor === "Digital Equipment Corporation", "the vendor changed");
check(updated.data?.data.attributes?.name === "CLU workstation", "the name did not change");
console.log(`updated computers/${computer.id}`);

const deletedComputer = await api.DELETE("/api/computers/{id}", { params: { path: { id: computer.id } } });
check(deletedComputer.response.status === 204, `deleting the computer answered ${deletedComputer.response.status}`);
const deletedPerson = await api.DELETE("/api/people/{id}", { params: { path: { id: person.id } } });
check(deletedPerson.response.status === 204, `deleting the person answered ${deletedPerson.response.status}`);

const gone = await api.GET("/api/computers/{id}", { params: { path: { id: computer.id } } });
check(gone.response.status === 404, `reading the deleted computer answered ${gone.response.status}`);
check(gone.error?.errors[0]?.status === "404", "the answer is an error document");
console.log(`deleted computers/${computer.id} and people/${person.id}; reading it again is 404`);
