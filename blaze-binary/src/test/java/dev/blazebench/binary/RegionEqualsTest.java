package dev.blazebench.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Key comparison, which the array reader does by words for the lengths a field name written in full
 * takes: equal ranges match at every length and offset, a range differing in any one byte does not,
 * and the buffer reader agrees.
 */
class RegionEqualsTest {

  @Test
  void aByteDifferentAnywhereIsSeenAtEveryLengthAndOffset() {
    for (int n = 1; n <= 24; n++) {
      byte[] expected = new byte[n];
      for (int i = 0; i < n; i++) {
        expected[i] = (byte) (31 * i + n);
      }
      for (int offset = 0; offset <= 9; offset++) {
        byte[] input = new byte[offset + n + 9];
        Arrays.fill(input, (byte) 0x5A);
        System.arraycopy(expected, 0, input, offset, n);
        assertTrue(regionEquals(input, offset, expected), "n " + n + " offset " + offset);
        for (int k = 0; k < n; k++) {
          input[offset + k] ^= 0x01;
          assertFalse(regionEquals(input, offset, expected), "n " + n + " differs at " + k);
          input[offset + k] ^= 0x01;
        }
        assertTrue(regionEquals(input, offset, expected));
      }
    }
  }

  /** The array reader's answer, checked against the buffer reader's. */
  private static boolean regionEquals(byte[] input, int at, byte[] expected) {
    DecodeLimits limits = DecodeLimits.defaults();
    boolean array = new ArrayWireReader(input, 0, input.length, limits).regionEquals(at, expected);
    boolean buffer =
        new BufferWireReader(ByteBuffer.wrap(input), limits).regionEquals(at, expected);
    assertEquals(buffer, array, "array and buffer readers disagree");
    return array;
  }
}
