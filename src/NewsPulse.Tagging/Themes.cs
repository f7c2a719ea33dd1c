namespace NewsPulse.Tagging;

/// <summary>The themes a story can be tagged with; docs/TAGGING.md defines each one.</summary>
public static class Themes
{
    public static IReadOnlyList<string> All { get; } =
        ["open-source", "policy", "markets", "ai", "semiconductors", "deals", "cloud", "security", "telecoms"];

    public static bool IsKnown(string name) => All.Contains(name, StringComparer.Ordinal);
}
