using NewsPulse.App.Ingestion;

namespace NewsPulse.App.Cli;

/// <summary>
/// Shows how far a long run is on stderr: a progress bar redrawn in place on a terminal, a line per
/// quarter of the work when output goes to a file or a pipe (so logs stay short).
/// </summary>
internal sealed class ConsoleProgress : IProgress<IngestProgress>
{
    private readonly Lock _gate = new();
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private string? _stage;
    private int _lastQuarter = -1;

    public void Report(IngestProgress value)
    {
        lock (_gate)
        {
            if (_stage != value.Stage)
            {
                FinishLine();
                _stage = value.Stage;
                _lastQuarter = -1;
            }

            if (_interactive)
            {
                const int width = 30;
                var filled = value.Total == 0 ? width : Math.Min(width, value.Done * width / value.Total);
                var percent = value.Total == 0 ? 100 : value.Done * 100 / value.Total;
                Console.Error.Write($"\r{value.Stage,-10} [{new string('#', filled)}{new string('.', width - filled)}] {value.Done}/{value.Total} ({percent}%)   ");
                return;
            }

            var quarter = value.Total == 0 ? 4 : value.Done * 4 / value.Total;
            if (quarter != _lastQuarter)
            {
                _lastQuarter = quarter;
                Console.Error.WriteLine($"{value.Stage}: {value.Done}/{value.Total}");
            }
        }
    }

    public void Complete()
    {
        lock (_gate)
        {
            FinishLine();
            _stage = null;
        }
    }

    private void FinishLine()
    {
        if (_interactive && _stage is not null)
        {
            Console.Error.WriteLine();
        }
    }
}
