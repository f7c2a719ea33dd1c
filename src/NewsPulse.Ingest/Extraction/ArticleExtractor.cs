using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using NewsPulse.Domain;

namespace NewsPulse.Ingest.Extraction;

/// <summary>
/// Finds an article's main text and metadata in an HTML page. Pure: HTML text in, record out; never
/// touches the network. The body comes from <see cref="MainTextFinder"/>, or from the page's JSON-LD
/// articleBody when the page itself yields too little.
/// </summary>
public sealed partial class ArticleExtractor
{
    /// <summary>Less body text than this and the page is a stub, an index or an error page, not an article.</summary>
    public const int MinArticleCharacters = 250;

    // Script, style and comment text is never read from the tree (JSON-LD is taken from the source by the filter),
    // so the parser skips whatever of it the filter left.
    private readonly HtmlParser _parser = new(new HtmlParserOptions
    {
        IsScripting = false,
        SkipScriptText = true,
        SkipRawText = true,
        SkipComments = true,
        DisableElementPositionTracking = true,
    });

    /// <summary>Stack for one bounded extraction: walks recurse with the DOM's depth, and hostile pages nest thousands deep.</summary>
    private const int ExtractionStackBytes = 64 * 1024 * 1024;

    /// <summary>
    /// <see cref="Extract(string, Uri, CancellationToken)"/> on a thread of its own with a deep stack, given up after
    /// <paramref name="timeLimit"/>: a pathological page costs one clear error, never the batch or the process. The
    /// caller awaits without holding a thread-pool thread.
    /// </summary>
    public async Task<ExtractionResult> ExtractAsync(string html, Uri pageUrl, TimeSpan timeLimit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cancellation.CancelAfter(timeLimit);
        var completion = new TaskCompletionSource<ExtractionResult?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var worker = new Thread(
            () =>
            {
                try
                {
                    completion.TrySetResult(Extract(html, pageUrl, cancellation.Token));
                }
                catch (OperationCanceledException)
                {
                    completion.TrySetResult(null);
                }
                catch (Exception ex)
                {
                    completion.TrySetException(ex);
                }
                finally
                {
                    cancellation.Dispose();
                }
            },
            ExtractionStackBytes)
        { IsBackground = true, Name = "extract" };
        worker.Start();
        ExtractionResult? result;
        try
        {
            // A little beyond the limit: the worker notices its cancellation only between stages.
            result = await completion.Task.WaitAsync(timeLimit + TimeSpan.FromMilliseconds(100), cancellationToken);
        }
        catch (TimeoutException)
        {
            result = null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return result ?? ExtractionResult.Failed($"extraction gave up after {timeLimit.TotalSeconds:0.###} s ({html.Length} characters of HTML)");
    }

    public ExtractionResult Extract(string html, Uri pageUrl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(pageUrl);
        if (html.Length == 0 || string.IsNullOrWhiteSpace(html))
        {
            return ExtractionResult.Failed("the page is empty");
        }

        if (LooksBinary(html))
        {
            return ExtractionResult.Failed("not an HTML page: binary data");
        }

        var jsonLd = new List<string>();
        using var document = _parser.ParseDocument(SourceFilter.WithoutNonContentBlocks(html, jsonLd));
        cancellationToken.ThrowIfCancellationRequested();
        // One walk over the page serves both the body finder and the metadata reader; the head is walked on its own.
        var signals = new PageMetadata.PageSignals();
        var text = string.Empty;
        if (document.Body is { } pageBody)
        {
            if (document.Head is { } head)
            {
                DomWalk.Elements(head, signals.Visit);
            }

            text = MainTextFinder.Find(pageBody, signals.Visit);
        }
        else
        {
            DomWalk.Elements(document, signals.Visit);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var metadata = PageMetadata.Read(signals.Complete(), jsonLd);
        var title = metadata.Headline ?? metadata.FirstHeading ?? StripSiteName(metadata.DocumentTitle);
        var declaredLanguage = NormalizeLanguage(document.DocumentElement.GetAttribute("lang") ?? metadata.Language);
        var canonical = AbsoluteHttpUrl(pageUrl, metadata.CanonicalHref);

        // The publisher's own articleBody (JSON-LD) is the fallback when the page yields little, or much less than it.
        if (metadata.ArticleBody is { Length: >= MinArticleCharacters } body && text.Length < Math.Max(MinArticleCharacters, body.Length * 0.6))
        {
            text = NormalizeWhitespace(body);
        }

        if (text.Length < MinArticleCharacters)
        {
            return ExtractionResult.NotAnArticle(
                $"no article text found: {text.Length} characters of body text, at least {MinArticleCharacters} expected");
        }

        // Templates declare one lang for a whole site, translated or not: when the text says otherwise, trust the text.
        var language = LanguageSamples.Identifier.Identify(text) ?? declaredLanguage;
        return ExtractionResult.Found(new ExtractedArticle(
            title is null ? null : NormalizeWhitespace(title),
            metadata.Authors.Select(NormalizeWhitespace).Where(a => a.Length > 0).Distinct().ToArray(),
            metadata.Published ?? UrlDate(canonical ?? pageUrl),
            metadata.Modified,
            language,
            canonical,
            metadata.SiteName,
            metadata.Description,
            text,
            AbsoluteHttpUrl(pageUrl, metadata.Image)));
    }

    /// <summary>Control characters (NUL and friends) in the first kilobytes mean bytes that were never text.</summary>
    private static bool LooksBinary(string html)
    {
        var head = html.AsSpan(0, Math.Min(html.Length, 4096));
        var control = 0;
        foreach (var c in head)
        {
            control += c == '\0' || c == '\uFFFD' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')) ? 1 : 0;
        }

        return control > head.Length / 20;
    }

    private static Uri? AbsoluteHttpUrl(Uri pageUrl, string? href) =>
        !string.IsNullOrWhiteSpace(href) && Uri.TryCreate(pageUrl, href.Trim(), out var url) && url.Scheme is "http" or "https" ? url : null;

    /// <summary>
    /// The date many sites put in article paths (/2019/11/18/, /2019-11-18-, /20191118/), as midnight UTC: the last
    /// resort when the page states no date, and only for a plausible year.
    /// </summary>
    private static DateTimeOffset? UrlDate(Uri url)
    {
        var match = PathDate().Match(url.AbsolutePath);
        return match.Success
            && int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture) is >= 1995 and <= 2100 and var year
            && int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) is >= 1 and <= 12 and var month
            && int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture) is var day && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero)
            : null;
    }

    [GeneratedRegex(@"(?<![0-9])(?<y>(?:19|20)[0-9]{2})[/_-]?(?<m>[01][0-9])[/_-]?(?<d>[0-3][0-9])(?![0-9])")]
    private static partial Regex PathDate();

    /// <summary>"Headline | Site" or "Headline - Site": the longest part is the headline.</summary>
    private static string? StripSiteName(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var parts = title.Split([" | ", " - ", " — ", " – ", " :: "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length > 1 ? parts.MaxBy(p => p.Length) : title;
    }

    private static string? NormalizeLanguage(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var primary = raw.Trim().Split('-', '_')[0].ToLowerInvariant();
        return primary.Length is 2 or 3 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }

    /// <summary>
    /// Collapses runs of ordinary white space to one space. No-break spaces (U+00A0, U+202F) are kept:
    /// French typography puts them inside « » and before : ; ! ?.
    /// </summary>
    public static string NormalizeWhitespace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c is '\u00A0' or '\u202F' or '\u2007')
            {
                if (pendingSpace && builder.Length > 0)
                {
                    pendingSpace = false;
                }

                builder.Append(c);
                continue;
            }

            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace && builder.Length > 0 && builder[^1] is not ('\u00A0' or '\u202F' or '\u2007'))
            {
                builder.Append(' ');
            }

            pendingSpace = false;
            builder.Append(c);
        }

        return builder.ToString();
    }
}
