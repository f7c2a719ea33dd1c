using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace NewsPulse.Tagging;

/// <summary>
/// A trained ML.NET logistic-regression model applied directly: bias plus the weights' dot product with the
/// features, through the model's own calibrator. Gives what ML.NET's scorer gives, without a prediction engine
/// per model and per call, which costs more than the arithmetic. Thread-safe.
/// </summary>
internal sealed class LinearScorer
{
    private readonly float[] _weights;
    private readonly float _bias;
    private readonly PlattCalibrator _calibrator;

    private LinearScorer(float[] weights, float bias, PlattCalibrator calibrator)
    {
        _weights = weights;
        _bias = bias;
        _calibrator = calibrator;
    }

    /// <summary>The scorer of a model trained by <see cref="TaggerTrainer"/>; anything else is a damaged or foreign file.</summary>
    public static LinearScorer From(ITransformer model) =>
        model is BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> logistic
            ? new LinearScorer([.. logistic.Model.SubModel.Weights], logistic.Model.SubModel.Bias, logistic.Model.Calibrator)
            : throw new InvalidDataException($"a classifier is a {model?.GetType().Name}, not a calibrated logistic regression");

    public float Probability(in VBuffer<float> features)
    {
        var score = _bias;
        var values = features.GetValues();
        if (features.IsDense)
        {
            for (var i = 0; i < values.Length; i++)
            {
                score += _weights[i] * values[i];
            }
        }
        else
        {
            var indices = features.GetIndices();
            for (var i = 0; i < values.Length; i++)
            {
                score += _weights[indices[i]] * values[i];
            }
        }

        return _calibrator.PredictProbability(score);
    }

    public float Probability(float[] features)
    {
        var score = _bias;
        for (var i = 0; i < features.Length; i++)
        {
            score += _weights[i] * features[i];
        }

        return _calibrator.PredictProbability(score);
    }
}
