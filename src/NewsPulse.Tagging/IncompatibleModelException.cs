namespace NewsPulse.Tagging;

/// <summary>A model file trained by a build whose features differ from this one's: readable, but its weights would be misread.</summary>
public sealed class IncompatibleModelException : IOException
{
    public IncompatibleModelException()
    {
    }

    public IncompatibleModelException(string message)
        : base(message)
    {
    }

    public IncompatibleModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
