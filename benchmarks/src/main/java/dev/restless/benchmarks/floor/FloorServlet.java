package dev.restless.benchmarks.floor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The least work any implementation on this stack must do for the benchmark's GET one and PATCH:
 * a plain servlet on the same Tomcat, talking JDBC to the same pool, with no framework, no ORM and
 * no JSON library. A PATCH makes the same three round trips to the database as Restless and Elide
 * (read the row, update it where its version is still the one read, commit) and answers with the
 * resource's attributes; a GET reads the row. It checks nothing and serves only these requests, so
 * its CPU per request is a floor, not a peer: it shows how much of a peer's cost no implementation
 * on Tomcat and JDBC can avoid.
 */
final class FloorServlet extends HttpServlet {

	private static final String SELECT = "select name, email, age, birth_date, city, active, version"
			+ " from bench_person where id = ?";

	private static final String UPDATE = "update bench_person set age = ?, version = ? where id = ? and version = ?";

	private final transient DataSource dataSource;

	FloorServlet(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		long id = id(request);
		try (Connection connection = this.dataSource.getConnection()) {
			Row row = read(connection, id);
			if (row == null) {
				response.sendError(404);
				return;
			}
			write(response, row.document(id));
		}
		catch (SQLException ex) {
			throw new IOException(ex);
		}
	}

	/** HttpServlet has no doPatch. */
	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		if ("PATCH".equals(request.getMethod())) {
			patch(request, response);
		}
		else {
			super.service(request, response);
		}
	}

	private void patch(HttpServletRequest request, HttpServletResponse response) throws IOException {
		long id = id(request);
		int age = age(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				Row row = read(connection, id);
				if (row == null) {
					connection.rollback();
					response.sendError(404);
					return;
				}
				try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
					update.setInt(1, age);
					update.setLong(2, row.version + 1);
					update.setLong(3, id);
					update.setLong(4, row.version);
					if (update.executeUpdate() != 1) {
						connection.rollback();
						response.sendError(409);
						return;
					}
				}
				connection.commit();
				write(response, new Row(row.name, row.email, age, row.birthDate, row.city, row.active, row.version + 1)
					.document(id));
			}
			finally {
				connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			throw new IOException(ex);
		}
	}

	private static long id(HttpServletRequest request) {
		String path = request.getPathInfo();
		return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
	}

	/** The benchmark's PATCH body changes the age alone: {@code "age":N}. */
	private static int age(String body) {
		int at = body.indexOf("\"age\":") + 6;
		int end = at;
		while (end < body.length() && Character.isDigit(body.charAt(end))) {
			end++;
		}
		return Integer.parseInt(body, at, end, 10);
	}

	private static Row read(Connection connection, long id) throws SQLException {
		try (PreparedStatement select = connection.prepareStatement(SELECT)) {
			select.setLong(1, id);
			try (ResultSet rows = select.executeQuery()) {
				if (!rows.next()) {
					return null;
				}
				return new Row(rows.getString(1), rows.getString(2), rows.getInt(3), String.valueOf(rows.getDate(4)),
						rows.getString(5), rows.getBoolean(6), rows.getLong(7));
			}
		}
	}

	private static void write(HttpServletResponse response, String document) throws IOException {
		byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
		response.setContentType("application/vnd.api+json");
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
	}

	private record Row(String name, String email, int age, String birthDate, String city, boolean active,
			long version) {

		/** Names and e-mail addresses of the seeded people need no escaping. */
		String document(long id) {
			return "{\"jsonapi\":{\"version\":\"1.1\"},\"data\":{\"type\":\"people\",\"id\":\"" + id
					+ "\",\"attributes\":{\"name\":\"" + this.name + "\",\"email\":\"" + this.email + "\",\"age\":"
					+ this.age + ",\"birthDate\":\"" + this.birthDate + "\",\"city\":\"" + this.city
					+ "\",\"active\":" + this.active + "},\"meta\":{\"version\":" + this.version + "}}}";
		}

	}

}
