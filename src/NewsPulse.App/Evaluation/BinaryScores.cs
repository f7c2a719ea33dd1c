namespace NewsPulse.App.Evaluation;

/// <summary>Counts of a yes/no decision against labels, and the usual measures over them.</summary>
public sealed record BinaryScores(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public double Accuracy => (double)(TruePositives + TrueNegatives) / Math.Max(1, TruePositives + FalsePositives + FalseNegatives + TrueNegatives);

    public static BinaryScores Of(IEnumerable<(bool Predicted, bool Actual)> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (predicted, actual) in decisions)
        {
            (tp, fp, fn, tn) = (predicted, actual) switch
            {
                (true, true) => (tp + 1, fp, fn, tn),
                (true, false) => (tp, fp + 1, fn, tn),
                (false, true) => (tp, fp, fn + 1, tn),
                _ => (tp, fp, fn, tn + 1),
            };
        }

        return new BinaryScores(tp, fp, fn, tn);
    }
}
