package fi.hbflow.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every engine refusal of a missing permission that {@code /engine-rest} and the webapps' API ({@code /camunda/api},
 * Tasklist's engine API among it) answer — 403 with English naming user, permissions and resource ids — is answered
 * in Finnish with the same status ({@link AuthorizationRefusals}). Only a 403's body is held back and rewritten; every
 * other answer streams through untouched.
 */
public class ForbiddenInFinnishFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    RefusalCapture capture = new RefusalCapture(response);
    chain.doFilter(request, capture);
    capture.finish();
  }

  /** Passes everything through, except the body of a 403, which it keeps to rewrite. */
  static final class RefusalCapture extends HttpServletResponseWrapper {

    private ByteArrayOutputStream held;
    private ServletOutputStream stream;
    private PrintWriter writer;

    RefusalCapture(HttpServletResponse response) {
      super(response);
    }

    private boolean holding() {
      return getStatus() == HttpServletResponse.SC_FORBIDDEN;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!holding() && held == null) {
        return super.getOutputStream();
      }
      if (stream == null) {
        held = held != null ? held : new ByteArrayOutputStream();
        stream = new ServletOutputStream() {
          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException();
          }

          @Override
          public void write(int b) {
            held.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            held.write(b, off, len);
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!holding() && held == null) {
        return super.getWriter();
      }
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
      }
      return writer;
    }

    @Override
    public void setContentLength(int len) {
      if (!holding()) {
        super.setContentLength(len);
      }
    }

    @Override
    public void setContentLengthLong(long len) {
      if (!holding()) {
        super.setContentLengthLong(len);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!(holding() && "Content-Length".equalsIgnoreCase(name))) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!(holding() && "Content-Length".equalsIgnoreCase(name))) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setIntHeader(String name, int value) {
      if (!(holding() && "Content-Length".equalsIgnoreCase(name))) {
        super.setIntHeader(name, value);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (held == null) {
        super.flushBuffer();
      }
    }

    /** Writes the held 403, in Finnish when it is the engine's refusal. */
    void finish() throws IOException {
      if (held == null) {
        return;
      }
      if (writer != null) {
        writer.flush();
      }
      byte[] original = held.toByteArray();
      String finnish = AuthorizationRefusals.finnish(new String(original, StandardCharsets.UTF_8));
      byte[] body = finnish != null ? finnish.getBytes(StandardCharsets.UTF_8) : original;
      HttpServletResponse response = (HttpServletResponse) getResponse();
      if (finnish != null) {
        response.setContentType("application/json;charset=UTF-8");
      }
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    }
  }
}
