package dev.restless.internal.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request thread serialises each response into the buffer it kept from the one before, unless
 * that one grew large.
 */
class BodyBufferTests {

	@Test
	void aThreadGetsItsBufferBackEmptyForItsNextResponse() throws Exception {
		BodyBuffer first = BodyBuffer.forThisThread();
		first.write("{\"data\":[]}".getBytes(StandardCharsets.UTF_8));
		ByteArrayOutputStream sent = new ByteArrayOutputStream();
		first.writeTo(sent);
		first.release();

		BodyBuffer second = BodyBuffer.forThisThread();

		assertThat(sent.toString(StandardCharsets.UTF_8)).isEqualTo("{\"data\":[]}");
		assertThat(second).isSameAs(first);
		assertThat(second.size()).isZero();
	}

	@Test
	void aBufferGrownForALargeDocumentIsNotKept() throws Exception {
		BodyBuffer large = BodyBuffer.forThisThread();
		large.write(new byte[BodyBuffer.RETAINED_CAPACITY + 1]);
		large.release();

		assertThat(BodyBuffer.forThisThread()).isNotSameAs(large);
	}

	@Test
	void anotherThreadHasABufferOfItsOwn() throws Exception {
		BodyBuffer mine = BodyBuffer.forThisThread();
		BodyBuffer[] theirs = new BodyBuffer[1];
		Thread other = new Thread(() -> theirs[0] = BodyBuffer.forThisThread());
		other.start();
		other.join();

		assertThat(theirs[0]).isNotNull().isNotSameAs(mine);
	}

}
