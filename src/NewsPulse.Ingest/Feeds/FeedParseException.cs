namespace NewsPulse.Ingest.Feeds;

/// <summary>The document is not a feed NewsPulse can read; the message says what was found instead.</summary>
public sealed class FeedParseException : Exception
{
    public FeedParseException()
    {
    }

    public FeedParseException(string message)
        : base(message)
    {
    }

    public FeedParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
