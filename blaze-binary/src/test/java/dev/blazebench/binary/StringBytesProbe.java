package dev.blazebench.binary;

import java.util.Arrays;

/**
 * Run in a JVM of its own by {@link StringBytesOpenedTest}: prints which string reader this JVM
 * chose and whether it writes the same bytes as the public path.
 */
public final class StringBytesProbe {

  private StringBytesProbe() {}

  public static void main(String[] args) {
    boolean same = true;
    String[] strings = {"Blaze", "Blaz\u00e9", "Bla\u0100ze", "\ud83d\ude00 emoji", "x".repeat(40)};
    for (String s : strings) {
      GrowableBuffer chosen = new GrowableBuffer(16);
      GrowableBuffer publicApi = new GrowableBuffer(16);
      BlazeBinaryEncoder.writeString(StringBytes.CHOSEN, s, chosen, "f");
      BlazeBinaryEncoder.writeString(StringBytes.publicApi(), s, publicApi, "f");
      same &= Arrays.equals(chosen.toByteArray(), publicApi.toByteArray());
    }
    System.out.print(
        "opened="
            + StringBytes.InPlace.OPENED
            + " inPlace="
            + StringBytes.CHOSEN.readsInPlace()
            + " same="
            + same);
  }
}
