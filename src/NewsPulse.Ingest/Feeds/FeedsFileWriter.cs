using System.Globalization;
using NewsPulse.Domain;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace NewsPulse.Ingest.Feeds;

/// <summary>Writes feeds in the feeds.yaml schema, so an export can be checked, edited and loaded back as it is.</summary>
public static class FeedsFileWriter
{
    public static string Write(IEnumerable<FeedDefinition> feeds)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        var text = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(text);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        emitter.Emit(new MappingStart());
        Scalar(emitter, "feeds");
        emitter.Emit(new SequenceStart(null, null, false, SequenceStyle.Block));
        foreach (var feed in feeds)
        {
            emitter.Emit(new MappingStart());
            Pair(emitter, "name", feed.Name);
            Pair(emitter, "url", feed.Url.AbsoluteUri);
            if (feed.Language is { } language)
            {
                Pair(emitter, "language", language);
            }

            Pair(emitter, "interval", Interval(feed.PollInterval));
            if (feed.Category is { } category)
            {
                Pair(emitter, "category", category);
            }

            Pair(emitter, "enabled", feed.Enabled ? "true" : "false");
            emitter.Emit(new MappingEnd());
        }

        emitter.Emit(new SequenceEnd());
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    /// <summary>The largest whole unit: 1d, 2h, 30m, 90s.</summary>
    public static string Interval(TimeSpan interval)
    {
        var seconds = (long)interval.TotalSeconds;
        return seconds % 86400 == 0 ? $"{seconds / 86400}d"
            : seconds % 3600 == 0 ? $"{seconds / 3600}h"
            : seconds % 60 == 0 ? $"{seconds / 60}m"
            : $"{seconds}s";
    }

    private static void Pair(IEmitter emitter, string key, string value)
    {
        Scalar(emitter, key);
        Scalar(emitter, value);
    }

    private static void Scalar(IEmitter emitter, string value) => emitter.Emit(new Scalar(value));
}
