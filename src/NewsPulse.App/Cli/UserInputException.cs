namespace NewsPulse.App.Cli;

/// <summary>A command was given something it cannot use (a missing file, a bad value); the message says what.</summary>
public sealed class UserInputException : Exception
{
    public UserInputException()
    {
    }

    public UserInputException(string message)
        : base(message)
    {
    }

    public UserInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
