package dev.blazebench.harness;

import dev.blazebench.binary.BlazeBinaryException;
import dev.blazebench.binary.BlazeEncodingException;
import dev.blazebench.harness.json.TypedJsonException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Maps what went wrong to a message on stderr and an exit code ({@link ExitCodes}): usage errors
 * and typed input errors are one line naming the command, a failed check its own code, and only an
 * unexpected exception (a bug) prints a stack trace.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    err.println(name + ": " + e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try '" + name + " --help' for usage.");
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    String name = command.getCommandSpec().qualifiedName();
    int exitCode = exitCodeOf(e);
    if (exitCode == ExitCodes.INTERNAL_ERROR) {
      err.println(name + ": internal error: " + e);
      e.printStackTrace(err);
    } else {
      err.println(name + ": " + e.getMessage());
    }
    err.flush();
    return exitCode;
  }

  static int exitCodeOf(Exception e) {
    if (e instanceof CheckFailedException) {
      return ExitCodes.CHECK_FAILED;
    }
    if (e instanceof BadInputException
        || e instanceof TypedJsonException
        || e instanceof BlazeBinaryException
        || e instanceof BlazeEncodingException) {
      return ExitCodes.BAD_INPUT;
    }
    return ExitCodes.INTERNAL_ERROR;
  }
}
