using System.CommandLine;

namespace NewsPulse.App.Cli;

/// <summary>The shared <c>--format</c> option of listing commands.</summary>
internal static class OutputFormat
{
    public const string Table = "table";
    public const string Json = "json";

    public static Option<string> CreateOption()
    {
        var option = new Option<string>("--format") { Description = "Output format: table or json.", DefaultValueFactory = _ => Table };
        option.AcceptOnlyFromAmong(Table, Json);
        return option;
    }
}
