using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsPulse.App.Cli;

/// <summary>JSON written for other tools: snake_case fields, readable non-ASCII (French stays French), no nulls dropped.</summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Lines = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static readonly JsonSerializerOptions Indented = new(Lines) { WriteIndented = true };
}
