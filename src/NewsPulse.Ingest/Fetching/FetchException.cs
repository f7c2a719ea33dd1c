namespace NewsPulse.Ingest.Fetching;

/// <summary>A request that did not produce a usable response; the message is the reason recorded for the user.</summary>
public sealed class FetchException : Exception
{
    public FetchException()
    {
    }

    public FetchException(string message)
        : base(message)
    {
    }

    public FetchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
