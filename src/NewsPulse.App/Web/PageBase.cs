using Microsoft.AspNetCore.Components;

namespace NewsPulse.App.Web;

/// <summary>What every page component takes: the request's <see cref="PageContext"/> and its own model.</summary>
public abstract class PageBase<TModel> : ComponentBase
{
    [Parameter, EditorRequired]
    public PageContext Page { get; set; } = default!;

    [Parameter, EditorRequired]
    public TModel Model { get; set; } = default!;

    /// <summary>The UI text, short because the markup uses it everywhere.</summary>
    protected UiText T => Page.Text;

    /// <summary>How a person was described: "title, organisation", either part missing, or empty.</summary>
    protected static string Role(string? title, string? organisation) =>
        string.Join(", ", new[] { title, organisation }.Where(part => !string.IsNullOrWhiteSpace(part)));
}
