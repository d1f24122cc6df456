using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Tests.Support;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Hooks;

/// <summary>
/// The evaluation date is today where the service runs (its <see cref="TimeProvider"/>'s time zone), or in
/// <see cref="CdsHooksOptions.TimeZone"/> when set: a FHIR dateTime keeps the date as written in the sender's zone, so
/// "today" must be a date in that zone too.
/// </summary>
public class EvaluationDateTests
{
    // 22:00 UTC on 22 November is 08:00 on 23 November in UTC+10.
    private static readonly DateTimeOffset EveningUtc = new(2026, 11, 22, 22, 0, 0, TimeSpan.Zero);

    private static JsonObject AzaSignWithCountDated(string effective) =>
        FhirData.Request(
            "order-sign",
            FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft())),
            FhirData.Prefetch(labs: [FhirData.Wbc("wbc", 6.1, effective)], pgx: [FhirData.TpmtPoor()]));

    private static async Task<string[]> RuleIdsAsync(CdsHooksFactory factory, JsonObject request)
    {
        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", request);
        status.Should().Be(200);
        return Spec.AssertCardsResponse(body).Select(Spec.RuleId).ToArray();
    }

    [Fact]
    public async Task ResultTakenThisMorningInTheServersZone_IsNotInTheFuture()
    {
        // Before: the evaluation date was the UTC date (22 November), so a count taken at 07:30 on 23 November in
        // UTC+10, half an hour before the call, was "after the evaluation date" and no rule ran (one INPUT-INVALID card).
        using var factory = new CdsHooksFactory(time: new FixedTime(EveningUtc, FixedTime.Zone(10)));

        var ids = await RuleIdsAsync(factory, AzaSignWithCountDated("2026-11-23T07:30:00+10:00"));

        ids.Should().NotContain("INPUT-INVALID").And.Contain("AZA-PGX-001");
    }

    [Fact]
    public async Task TimeZoneOption_WinsOverTheServersZone()
    {
        using var factory = new CdsHooksFactory(options => options.TimeZone = FixedTime.Zone(10), time: new FixedTime(EveningUtc));

        var ids = await RuleIdsAsync(factory, AzaSignWithCountDated("2026-11-23T07:30:00+10:00"));

        ids.Should().NotContain("INPUT-INVALID").And.Contain("AZA-PGX-001");
    }

    [Fact]
    public async Task ResultDatedTomorrowInTheServiceZone_IsStillRefusedWithAClearCard()
    {
        // Boundary: in UTC (the option), 22 November is today; a result dated 23 November is after it.
        using var factory = new CdsHooksFactory(options => options.TimeZone = TimeZoneInfo.Utc, time: new FixedTime(EveningUtc, FixedTime.Zone(10)));

        var (_, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", AzaSignWithCountDated("2026-11-23T07:30:00+10:00"));

        var card = Spec.AssertCardsResponse(body).Should().ContainSingle().Subject;
        Spec.RuleId(card).Should().Be("INPUT-INVALID");
        card.GetProperty("detail").GetString().Should().Contain("2026-11-23").And.Contain("2026-11-22");
    }

    [Fact]
    public async Task WestOfUtc_TodayIsStillYesterdayInUtcTerms()
    {
        // 03:00 UTC on 23 November is 22:00 on 22 November in UTC-5: a count dated 23 November (local) is tomorrow.
        var time = new FixedTime(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero), FixedTime.Zone(-5));
        using var factory = new CdsHooksFactory(time: time);

        (await RuleIdsAsync(factory, AzaSignWithCountDated("2026-11-22T21:00:00-05:00"))).Should().NotContain("INPUT-INVALID");
        (await RuleIdsAsync(factory, AzaSignWithCountDated("2026-11-23"))).Should().ContainSingle().Which.Should().Be("INPUT-INVALID");
    }

    [Fact]
    public async Task SampleHost_ReadsTheTimeZoneSetting()
    {
        // Etc/GMT-10 is the IANA name of UTC+10 (the sign is inverted by POSIX convention).
        using var zoned = new CdsHooksFactory(time: new FixedTime(EveningUtc), settings: ("CdsHooks:TimeZone", "Etc/GMT-10"));

        var (status, body, _) = await Spec.PostAsync(zoned.CreateClient(), Spec.Prefix + "order-sign", AzaSignWithCountDated("2026-11-23T07:30:00+10:00"));

        status.Should().Be(200);
        Spec.AssertCardsResponse(body).Select(Spec.RuleId).Should().NotContain("INPUT-INVALID").And.Contain("AZA-PGX-001");
    }

    [Fact]
    public void SampleHost_WithAnUnknownTimeZone_DoesNotStart()
    {
        using var zoned = new CdsHooksFactory(settings: ("CdsHooks:TimeZone", "Nowhere/Atlantis"));

        var start = () => zoned.CreateClient();

        start.Should().Throw<InvalidOperationException>().WithMessage("*CdsHooks:TimeZone*Nowhere/Atlantis*");
    }
}
