package dev.restless.internal.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The bytes of one response document, serialised in full before any of them is sent (so that a
 * document that fails to serialise leaves the response clean for the error that reports it), in a
 * buffer that each request thread keeps for its next response. Serialising into a fresh array
 * cost every response about twice its size in garbage: the growing chunks and the final copy.
 * Buffers that grew past {@link #RETAINED_CAPACITY} for a large document are not kept.
 */
final class BodyBuffer extends ByteArrayOutputStream {

	/**
	 * The largest buffer a thread keeps between requests: with Tomcat's 200 request threads, at
	 * most 12.5 MB held for documents up to 64 KB; larger ones get a buffer of their own.
	 */
	static final int RETAINED_CAPACITY = 64 * 1024;

	private static final ThreadLocal<BodyBuffer> BUFFERS = ThreadLocal.withInitial(BodyBuffer::new);

	private BodyBuffer() {
		super(16 * 1024);
	}

	/** @return this thread's buffer, empty */
	static BodyBuffer forThisThread() {
		BodyBuffer buffer = BUFFERS.get();
		buffer.reset();
		return buffer;
	}

	/** Give the buffer back after its bytes were sent, keeping it only while it stays small. */
	void release() {
		reset();
		if (this.buf.length > RETAINED_CAPACITY) {
			BUFFERS.remove();
		}
	}

	@Override
	public void writeTo(OutputStream out) throws IOException {
		out.write(this.buf, 0, this.count);
	}

}
