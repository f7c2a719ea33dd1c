using System.Text;

namespace NewsPulse.Ingest;

/// <summary>Character sets as feeds and pages label them, the legacy code pages .NET leaves out by default included.</summary>
internal static class TextEncodings
{
    // An explicit static constructor, so the code pages are registered before any member is used.
    static TextEncodings()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252);
    }

    /// <summary>What text labelled UTF-8 (or ISO-8859-1) but not valid as such almost always really is.</summary>
    public static Encoding Windows1252 { get; }

    /// <summary>The encoding a charset label names, quotes and spaces tolerated; null when the label is empty or unknown.</summary>
    public static Encoding? FromLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(label.Trim().Trim('"', '\''));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
