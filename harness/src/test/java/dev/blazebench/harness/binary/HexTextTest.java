package dev.blazebench.harness.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.blazebench.harness.BadInputException;
import org.junit.jupiter.api.Test;

class HexTextTest {

  @Test
  void ignoresWhitespaceAndLineBreaksAndEitherCase() {
    assertThat(HexText.parse(" 42 4c\n41\t5A 45\n")).containsExactly(0x42, 0x4c, 0x41, 0x5a, 0x45);
  }

  @Test
  void toleratesA0xPrefix() {
    assertThat(HexText.parse("  0x0102")).containsExactly(1, 2);
    assertThat(HexText.parse("0X0102")).containsExactly(1, 2);
  }

  @Test
  void emptyTextIsNoBytes() {
    assertThat(HexText.parse(" \n")).isEmpty();
  }

  @Test
  void badDigitIsNamedWithLineAndColumn() {
    assertThatThrownBy(() -> HexText.parse("4242\n42g2"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("invalid hex digit 'g' at line 2, column 3 (character 8)");
  }

  @Test
  void a0xInsideTheTextIsNotAPrefix() {
    assertThatThrownBy(() -> HexText.parse("42 0x42"))
        .hasMessage("invalid hex digit 'x' at line 1, column 5 (character 5)");
  }

  @Test
  void nonAsciiDigitsAreRefusedByCodePoint() {
    assertThatThrownBy(() -> HexText.parse("4\u0663"))
        .hasMessage("invalid hex digit U+0663 at line 1, column 2 (character 2)");
  }

  @Test
  void oddDigitCountIsAnError() {
    assertThatThrownBy(() -> HexText.parse("424"))
        .hasMessage("odd number of hex digits (3): the last byte is incomplete");
  }

  @Test
  void formatsLowerCaseWithoutSeparators() {
    assertThat(HexText.format(new byte[] {0x0a, (byte) 0xff, 0})).isEqualTo("0aff00");
  }
}
