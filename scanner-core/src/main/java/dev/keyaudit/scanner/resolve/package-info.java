/**
 * The value-resolution engine every frontend shares.
 *
 * <p>Two phases. <b>Phase one</b>, per file and in parallel: a frontend lowers what it reads into
 * {@link dev.keyaudit.scanner.resolve.Summaries.FileSummary}: for each type its fields with every
 * expression assigned to them, its methods with their return expressions, and its call sites with
 * their argument expressions, all in the small IR {@link dev.keyaudit.scanner.resolve.Expr}
 * (constants, field and parameter references, calls, concatenation, format, arithmetic, branches,
 * configuration lookups, steps, unknowns). No parser types appear here: the source frontend lowers
 * JavaParser trees, the bytecode frontend lowers ASM instructions into the same IR. Enum constants'
 * instance fields are pseudo-fields {@code CONSTANT.field} of the enum; constructors are named
 * {@code <init>}, static initialisers {@code <clinit>}.
 *
 * <p><b>Phase two</b>, project-wide: {@link dev.keyaudit.scanner.resolve.ProjectIndex} indexes the
 * summaries (sorted, so the file order does not matter) and {@link
 * dev.keyaudit.scanner.resolve.ProjectResolver} answers questions: an expression, a field, a
 * parameter over all call sites, a method's returns. It is memoised, bounded (depth, candidates,
 * fan-out, a work budget charged per memoised answer so the outcome never depends on what another
 * thread cached first) and cycle-safe.
 *
 * <p><b>Objects.</b> Random generators are values like constants: a call outside the project that
 * the {@link dev.keyaudit.scanner.resolve.LibraryObjects.Model} says creates an object ({@code new
 * Random()}, {@code SecureRandom.getInstance(...)}, {@code DrbgParameters.instantiation(...)})
 * resolves to a {@link dev.keyaudit.scanner.resolve.LibraryObjects.Created} with its arguments
 * resolved, and travels through fields, parameters and returns with its trace; {@link
 * dev.keyaudit.scanner.resolve.Expr.Drawn} (a draw such as {@code nextBytes}) resolves to the
 * output of each such object, which stays that output through library conversions and arithmetic.
 * Frontends lower {@code new X(...)} as a call of {@code X.<init>} and a draw as {@code Drawn};
 * what the objects mean (an RNG spec, a sink) is read in {@code scanner.jca}.
 *
 * <p><b>Where a caller-chosen value is reported.</b> A candidate that entered through a parameter
 * records the outermost call site that chose it ({@link
 * dev.keyaudit.scanner.resolve.Resolved.Candidate#callerSite()}); {@link
 * dev.keyaudit.scanner.resolve.Values#toValue} builds the trace origin → … → the API call → that
 * call site, so the fact model locates the violation at the weak caller and the reviewer still sees
 * the whole path in SARIF {@code codeFlows}.
 */
package dev.keyaudit.scanner.resolve;
