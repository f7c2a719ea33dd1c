namespace NewsPulse.Storage.LocalPostgres;

/// <summary>The embedded PostgreSQL could not be set up or started; the message says what to do about it.</summary>
public sealed class LocalPostgresException : Exception
{
    public LocalPostgresException()
    {
    }

    public LocalPostgresException(string message)
        : base(message)
    {
    }

    public LocalPostgresException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
