package dev.blazebench.protocol.workload;

/**
 * The vocabulary of the workload's bug titles, descriptions, assignees and tags: phrases a real bug
 * tracker holds, so that text compresses and sizes like real text rather than random letters.
 */
final class BugText {

  static final int TITLE_MIN_CHARS = 20;
  static final int TITLE_MAX_CHARS = 80;
  static final int DESCRIPTION_MIN_CHARS = 150;
  static final int DESCRIPTION_MAX_CHARS = 400;

  private static final String[] COMPONENTS = {
    "Login screen", "Sync engine", "Search bar", "Settings page", "Photo upload",
    "Push notifications", "Offline cache", "Dark mode", "CSV export", "Payment form",
    "Onboarding flow", "Profile editor", "Comment thread", "Calendar view", "Share sheet",
    "Home widget", "Database migration", "Password reset", "Audio player", "Map view",
    "Attachment preview", "Bug list", "Filter menu", "Release notes page",
  };

  private static final String[] SYMPTOMS = {
    "crashes",
    "freezes",
    "shows a blank page",
    "loses unsaved changes",
    "shows stale data",
    "is very slow",
    "drops the last item",
    "renders incorrectly",
    "times out",
    "shows duplicate entries",
    "ignores the system locale",
    "leaks memory",
    "returns the wrong results",
    "flickers",
    "fails silently",
    "hangs on the spinner",
  };

  private static final String[] TRIGGERS = {
    "when the device is offline", "after upgrading to 2.4", "on iPad in landscape",
    "with more than 1,000 items", "with VoiceOver enabled", "after a background refresh",
    "on first launch", "when switching accounts", "on a slow network",
    "after changing the time zone", "when the title contains emoji", "during sync",
  };

  private static final String[] SCREENS = {
    "settings",
    "bug list",
    "detail view",
    "search results",
    "profile page",
    "inbox",
    "dashboard",
    "editor",
  };

  private static final String[] ACTIONS = {
    "tap the filter button", "pull to refresh", "rotate the device", "sign out and back in",
    "attach a large photo", "scroll to the bottom", "type a long comment", "switch to dark mode",
    "open a shared link", "put the app in the background",
  };

  private static final String[] EXPECTATIONS = {
    "update within a second",
    "keep the draft",
    "show the new entry",
    "stay responsive",
    "remember the selected filter",
    "show the correct total",
  };

  private static final String[] PLATFORMS = {
    "iOS 18.1", "iPadOS 18", "macOS 15.1", "Android 15", "watchOS 11", "the web app in Safari",
  };

  private static final String[] ERRORS = {
    "a timeout from the sync endpoint", "an unexpected nil in the record decoder",
    "a constraint violation on the index", "HTTP 502 from the gateway",
    "a checksum mismatch in the local store", "an out-of-memory warning",
  };

  private static final String[] WORKAROUNDS = {
    "force quit the app and reopen it",
    "disable background refresh",
    "clear the local cache",
    "sign in again",
    "switch to the list layout",
  };

  private static final String[] AREAS = {
    "the query planner",
    "the sync protocol",
    "the image pipeline",
    "the date formatter",
    "the retry logic",
    "the cache eviction policy",
  };

  private static final String[] FIRST_NAMES = {
    "ana", "bruno", "chen", "dmitri", "elena", "farah", "goran", "hana", "ivan", "julia",
    "kofi", "lena", "mateo", "nadia", "oscar", "priya", "quinn", "rosa", "sven", "tomas",
  };

  private static final String[] LAST_NAMES = {
    "silva",
    "novak",
    "wang",
    "petrov",
    "garcia",
    "khan",
    "horvat",
    "sato",
    "kowalski",
    "meyer",
    "mensah",
    "larsen",
    "rossi",
    "haddad",
    "berg",
    "patel",
  };

  private static final int SENTENCE_KINDS = 7;

  static final String[] TAGS = {
    "ui",
    "crash",
    "performance",
    "sync",
    "auth",
    "ios",
    "android",
    "macos",
    "regression",
    "accessibility",
    "network",
    "database",
    "security",
    "localization",
    "billing",
    "onboarding",
  };

  private BugText() {}

  /** A title of {@value #TITLE_MIN_CHARS}..{@value #TITLE_MAX_CHARS} characters. */
  static String title(SplitMix64 random) {
    String base = random.pick(COMPONENTS) + " " + random.pick(SYMPTOMS);
    String withTrigger = base + " " + random.pick(TRIGGERS);
    boolean wantTrigger = base.length() < TITLE_MIN_CHARS || random.nextInt(100) < 60;
    return wantTrigger && withTrigger.length() <= TITLE_MAX_CHARS ? withTrigger : base;
  }

  /**
   * A description of {@value #DESCRIPTION_MIN_CHARS}..{@value #DESCRIPTION_MAX_CHARS} characters:
   * whole sentences, most descriptions short and a few long, as in real trackers.
   */
  static String description(SplitMix64 random) {
    double u = random.nextDouble();
    int targetChars =
        DESCRIPTION_MIN_CHARS + (int) ((DESCRIPTION_MAX_CHARS - DESCRIPTION_MIN_CHARS) * u * u);
    StringBuilder text = new StringBuilder(DESCRIPTION_MAX_CHARS + 120);
    text.append("Steps to reproduce: open the ")
        .append(random.pick(SCREENS))
        .append(", ")
        .append(random.pick(ACTIONS))
        .append(", then ")
        .append(random.pick(ACTIONS))
        .append('.');
    int usedKinds = 0; // each kind of sentence at most once: real reports do not repeat
    while (text.length() < targetChars && usedKinds != (1 << SENTENCE_KINDS) - 1) {
      int kind = random.nextInt(SENTENCE_KINDS);
      if ((usedKinds & (1 << kind)) != 0) {
        continue;
      }
      usedKinds |= 1 << kind;
      String sentence = sentence(kind, random);
      int lengthWith = text.length() + 1 + sentence.length();
      if (text.length() >= DESCRIPTION_MIN_CHARS
          && (lengthWith > targetChars || lengthWith > DESCRIPTION_MAX_CHARS)) {
        break; // long enough, and this sentence would overshoot the target
      }
      text.append(' ').append(sentence);
      if (text.length() > DESCRIPTION_MAX_CHARS) {
        cutAtWord(text);
        break;
      }
    }
    return text.toString();
  }

  private static String sentence(int kind, SplitMix64 random) {
    switch (kind) {
      case 0:
        return "Expected the "
            + random.pick(SCREENS)
            + " to "
            + random.pick(EXPECTATIONS)
            + ", but it "
            + random.pick(SYMPTOMS)
            + ".";
      case 1:
        return "Happens on " + random.pick(PLATFORMS) + " with build " + build(random) + ".";
      case 2:
        return "The log shows " + random.pick(ERRORS) + " right before the failure.";
      case 3:
        return "Workaround: " + random.pick(WORKAROUNDS) + ".";
      case 4:
        return "Could be related to the recent change in " + random.pick(AREAS) + ".";
      case 5:
        return "Reproduces about " + (10 + random.nextInt(90)) + "% of the time.";
      default:
        return (1 + random.nextInt(40)) + " customers reported it since the last release.";
    }
  }

  private static String build(SplitMix64 random) {
    return "2."
        + random.nextInt(10)
        + "."
        + random.nextInt(20)
        + " ("
        + (4000 + random.nextInt(900))
        + ")";
  }

  /** Cuts at the last space at or before the maximum, ending the text with a full stop. */
  private static void cutAtWord(StringBuilder text) {
    int space = text.lastIndexOf(" ", DESCRIPTION_MAX_CHARS - 1);
    text.setLength(space);
    char last = text.charAt(text.length() - 1);
    if (last == ',' || last == ';' || last == ':') {
      text.setLength(text.length() - 1);
    }
    if (text.charAt(text.length() - 1) != '.') {
      text.append('.');
    }
  }

  /** A user name, {@code first.last}. */
  static String assignee(SplitMix64 random) {
    return random.pick(FIRST_NAMES) + "." + random.pick(LAST_NAMES);
  }
}
