using System;

/// <summary>
/// When a warm-up may stop: rounds of calls are run until two rounds in a row are no more than 5 % faster than the
/// best round before them (at least <see cref="MinRounds"/> rounds, at most <see cref="MaxRounds"/>). A host still
/// re-compiling its hot code gets faster round after round; one that has settled only wobbles.
/// </summary>
internal sealed class WarmUpRule
{
    /// <summary>Rounds run whatever the rates.</summary>
    public const int MinRounds = 4;

    /// <summary>Rounds after which the warm-up stops whatever the rates.</summary>
    public const int MaxRounds = 40;

    private const double Tolerance = 1.05;

    private double _best;
    private int _calm;

    /// <summary>Rounds seen so far.</summary>
    public int Rounds { get; private set; }

    /// <summary>Records one round's rate (calls a second) and says whether the warm-up may stop now.</summary>
    public bool Done(double rate)
    {
        if (double.IsNaN(rate) || rate < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "A rate is a non-negative number of calls a second.");
        }

        Rounds++;
        _calm = Rounds > 1 && rate <= _best * Tolerance ? _calm + 1 : 0;
        _best = Math.Max(_best, rate);
        return Rounds >= MaxRounds || (Rounds >= MinRounds && _calm >= 2);
    }
}
