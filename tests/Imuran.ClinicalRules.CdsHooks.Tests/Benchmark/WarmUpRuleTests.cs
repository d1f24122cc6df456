using System;
using System.Linq;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Benchmark;

/// <summary>
/// The load benchmark's warm-up rule (<c>benchmarks/CdsHooksLoad/WarmUpRule.cs</c>, linked here): it must not stop
/// while the host is still getting faster, and must stop once two rounds in a row gain no more than 5 % on the best.
/// </summary>
public class WarmUpRuleTests
{
    /// <summary>Calls a second of each 2,500-call round of a fresh sample host, 2 December 2026 03:31 UTC (docs/performance.md).</summary>
    private static readonly double[] MeasuredRounds = [655, 838, 1178, 1782, 1948, 2061, 2854, 3632, 3733, 3980, 3933, 3967];

    [Fact]
    public void MeasuredHost_StopsAfterTwelveRounds()
    {
        var rule = new WarmUpRule();

        var stoppedAt = MeasuredRounds.Select(rule.Done).ToList().IndexOf(true) + 1;

        stoppedAt.Should().Be(12, "round 9 gained under 5 %, round 10 gained more, rounds 11 and 12 gained under 5 % again");
    }

    [Fact]
    public void SteadyFromTheStart_StopsAtTheMinimum()
    {
        var rule = new WarmUpRule();

        var decisions = Enumerable.Repeat(1000.0, WarmUpRule.MinRounds).Select(rule.Done).ToList();

        decisions.Should().Equal(false, false, false, true);
    }

    [Fact]
    public void StillGettingFaster_DoesNotStop()
    {
        var rule = new WarmUpRule();

        // Each round 6 % faster than the one before: never calm.
        var decisions = Enumerable.Range(0, 10).Select(i => rule.Done(1000 * Math.Pow(1.06, i))).ToList();

        decisions.Should().OnlyContain(done => !done);
    }

    [Theory]
    [InlineData(1050, true)]
    [InlineData(1051, false)]
    public void FourthRound_AtMostFivePercentFaster_CountsAsCalm(double fourth, bool done)
    {
        var rule = new WarmUpRule();

        var decisions = new[] { 1000.0, 1000, 1000, fourth }.Select(rule.Done).ToList();

        decisions.Should().Equal(false, false, false, done);
    }

    [Fact]
    public void OneCalmRoundThenAJump_StartsCountingAgain()
    {
        var rule = new WarmUpRule();

        var decisions = new[] { 1000.0, 1010, 2000, 2010, 2020 }.Select(rule.Done).ToList();

        decisions.Should().Equal(false, false, false, false, true);
    }

    [Fact]
    public void NeverSettling_StopsAtTheMaximum()
    {
        var rule = new WarmUpRule();

        var decisions = Enumerable.Range(0, WarmUpRule.MaxRounds).Select(i => rule.Done(1000 * Math.Pow(2, i % 2 == 0 ? i : 0))).ToList();

        decisions.Take(WarmUpRule.MaxRounds - 1).Should().OnlyContain(done => !done);
        decisions.Last().Should().BeTrue();
    }

    [Fact]
    public void ANegativeRate_IsRefused()
    {
        var rule = new WarmUpRule();

        var act = () => rule.Done(-1);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("rate");
    }
}
