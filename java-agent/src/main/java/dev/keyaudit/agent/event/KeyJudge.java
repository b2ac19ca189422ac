package dev.keyaudit.agent.event;

/** Judges a key event against the configured policy. */
public interface KeyJudge {

  /**
   * The verdict on {@code event}; {@code enforcing} turns violations into {@code deny}. Returns
   * null for events no policy rule is about.
   */
  Decision judge(KeyEvent event, boolean enforcing);

  /** The policy id, for the start-up record. */
  String policyId();
}
