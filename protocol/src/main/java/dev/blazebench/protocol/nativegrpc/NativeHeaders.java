package dev.blazebench.protocol.nativegrpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The request parameters of {@code blazedb.v1.BlazeDBNative} that are not in the message body: gRPC
 * metadata headers, which HTTP/2's HPACK compresses to a byte or two after the first call on a
 * connection.
 *
 * <ul>
 *   <li>{@value #COLLECTION_HEADER} (every method, required): the collection name, UTF-8,
 *       percent-encoded ({@code %XX}) except for {@code A-Z a-z 0-9 - _ . ~}.
 *   <li>{@value #RETURN_HEADER} ({@code Insert}, {@code InsertMany}; optional): {@code record} asks
 *       for the stored record(s) instead of {@code {"id": uuid}}.
 *   <li>{@value #BATCH_SIZE_HEADER} ({@code StreamQuery}; optional): records per batch, a decimal
 *       integer of at least 1; absent means the server's default ({@value #DEFAULT_BATCH_SIZE}).
 * </ul>
 *
 * On the client, {@link #clientInterceptor()} writes these headers from the {@link CallOptions}
 * keys {@link #COLLECTION_OPTION}, {@link #RETURN_RECORD_OPTION} and {@link #BATCH_SIZE_OPTION}.
 */
public final class NativeHeaders {

  public static final String COLLECTION_HEADER = "blazedb-collection";
  public static final String RETURN_HEADER = "blazedb-return";
  public static final String BATCH_SIZE_HEADER = "blazedb-batch-size";

  /** The only value of {@value #RETURN_HEADER}. */
  public static final String RETURN_RECORD = "record";

  /** Batch size when a StreamQuery names none (the seed streams 1,000 at a time). */
  public static final int DEFAULT_BATCH_SIZE = 1000;

  public static final Metadata.Key<String> COLLECTION =
      Metadata.Key.of(COLLECTION_HEADER, Metadata.ASCII_STRING_MARSHALLER);
  public static final Metadata.Key<String> RETURN =
      Metadata.Key.of(RETURN_HEADER, Metadata.ASCII_STRING_MARSHALLER);
  public static final Metadata.Key<String> BATCH_SIZE =
      Metadata.Key.of(BATCH_SIZE_HEADER, Metadata.ASCII_STRING_MARSHALLER);

  /** The collection a call is for (written as {@value #COLLECTION_HEADER}). */
  public static final CallOptions.Key<String> COLLECTION_OPTION =
      CallOptions.Key.create("blazedb-collection");

  /** True to send {@code blazedb-return: record}. */
  public static final CallOptions.Key<Boolean> RETURN_RECORD_OPTION =
      CallOptions.Key.createWithDefault("blazedb-return-record", false);

  /** The batch size to send as {@value #BATCH_SIZE_HEADER}; null sends none. */
  public static final CallOptions.Key<Integer> BATCH_SIZE_OPTION =
      CallOptions.Key.create("blazedb-batch-size");

  private static final ClientInterceptor CLIENT_INTERCEPTOR = new HeaderWriter();

  private NativeHeaders() {}

  /** Writes the headers from the call options; every native client call goes through it. */
  public static ClientInterceptor clientInterceptor() {
    return CLIENT_INTERCEPTOR;
  }

  /** {@code name} as the header value: UTF-8, percent-encoded outside {@code A-Za-z0-9-_.~}. */
  public static String encodeCollection(String name) {
    boolean plain = true;
    for (int i = 0; i < name.length() && plain; i++) {
      plain = isUnreserved(name.charAt(i));
    }
    if (plain) {
      return name;
    }
    StringBuilder out = new StringBuilder(name.length() * 3);
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (isUnreserved(c)) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)));
        out.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
      }
    }
    return out.toString();
  }

  /**
   * The collection name a header value spells.
   *
   * @throws io.grpc.StatusRuntimeException INVALID_ARGUMENT for a bad escape or invalid UTF-8
   */
  public static String decodeCollection(String headerValue) {
    if (headerValue.indexOf('%') < 0) {
      return headerValue;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(headerValue.length());
    for (int i = 0; i < headerValue.length(); i++) {
      char c = headerValue.charAt(i);
      if (c != '%') {
        bytes.write(c);
        continue;
      }
      int hi = i + 1 < headerValue.length() ? Character.digit(headerValue.charAt(i + 1), 16) : -1;
      int lo = i + 2 < headerValue.length() ? Character.digit(headerValue.charAt(i + 2), 16) : -1;
      if (hi < 0 || lo < 0) {
        throw Status.INVALID_ARGUMENT
            .withDescription(COLLECTION_HEADER + ": bad percent escape at character " + i)
            .asRuntimeException();
      }
      bytes.write(hi << 4 | lo);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw Status.INVALID_ARGUMENT
          .withDescription(COLLECTION_HEADER + ": not UTF-8 after percent-decoding")
          .asRuntimeException();
    }
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_'
        || c == '.'
        || c == '~';
  }

  private static final class HeaderWriter implements ClientInterceptor {
    @Override
    public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
        MethodDescriptor<ReqT, RespT> method, CallOptions options, Channel next) {
      return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
        @Override
        public void start(Listener<RespT> listener, Metadata headers) {
          String collection = options.getOption(COLLECTION_OPTION);
          if (collection != null) {
            headers.put(COLLECTION, encodeCollection(collection));
          }
          if (options.getOption(RETURN_RECORD_OPTION)) {
            headers.put(RETURN, RETURN_RECORD);
          }
          Integer batchSize = options.getOption(BATCH_SIZE_OPTION);
          if (batchSize != null) {
            headers.put(BATCH_SIZE, Integer.toString(batchSize));
          }
          super.start(listener, headers);
        }
      };
    }
  }
}
