using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Feedback;
using Imuran.ClinicalRules.CdsHooks.Tests.Support;
using Imuran.ClinicalRules.Feedback;
using Microsoft.Extensions.DependencyInjection;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Feedback;

public class FeedbackTests
{
    private static JsonObject Feedback(string card, string outcome, string timestamp, string? reason = null)
    {
        var item = new JsonObject { ["card"] = card, ["outcome"] = outcome, ["outcomeTimestamp"] = timestamp };
        if (reason is not null)
        {
            item["overrideReason"] = new JsonObject
            {
                ["reason"] = new JsonObject { ["system"] = "http://terminology.hl7.org/CodeSystem/non-adherence-reason-codes", ["code"] = reason },
                ["userComment"] = "Specialist advice",
            };
        }

        return new JsonObject { ["feedback"] = new JsonArray(item) };
    }

    [Fact]
    public async Task Feedback_ReportedTwice_IsCountedOnceAgainstTheRule()
    {
        using var factory = new CdsHooksFactory();
        var client = factory.CreateClient();
        var sign = FhirData.Request("order-sign", FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft())), FhirData.Prefetch(medicationRequests: [FhirData.Allopurinol()], pgx: [FhirData.TpmtPoor()]));
        var (_, cards, _) = await Spec.PostAsync(client, Spec.Prefix + "order-sign", sign);
        var interaction = cards.GetProperty("cards").EnumerateArray().Single(c => Spec.RuleId(c) == "AZA-INT-001").GetProperty("uuid").GetString()!;
        var pgx = cards.GetProperty("cards").EnumerateArray().Single(c => Spec.RuleId(c) == "AZA-PGX-001").GetProperty("uuid").GetString()!;

        var overridden = Feedback(interaction, "overridden", "2026-11-22T10:05:00Z", "recipient-concerns-outcomes");
        (await Spec.PostAsync(client, Spec.Prefix + "order-sign/feedback", overridden)).Status.Should().Be(200);
        (await Spec.PostAsync(client, Spec.Prefix + "order-sign/feedback", overridden)).Status.Should().Be(200);
        (await Spec.PostAsync(client, Spec.Prefix + "order-sign/feedback", Feedback(pgx, "accepted", "2026-11-22T10:06:00Z"))).Status.Should().Be(200);

        var store = factory.Services.GetRequiredService<ICdsFeedbackStore>();
        store.Export().Should().HaveCount(2);
        store.Export().Single(f => f.CardUuid == interaction).Should().Match<CardFeedback>(f =>
            f.RuleId == "AZA-INT-001" && f.Outcome == CardOutcome.Overridden && f.OverrideReasonCode == "recipient-concerns-outcomes" && f.UserComment == "Specialist advice");
        store.CountsByRule().Should().BeEquivalentTo(new[]
        {
            new RuleFeedbackCount("AZA-INT-001", 0, 1),
            new RuleFeedbackCount("AZA-PGX-001", 1, 0),
        });
    }

    [Fact]
    public void Store_OlderReportAfterANewerOne_ChangesNothing()
    {
        var store = new InMemoryCdsFeedbackStore();
        store.RecordIssued(new IssuedCard("svc", "c1", "AZA-PGX-001"));
        var newer = new CardFeedback { ServiceId = "svc", CardUuid = "c1", Outcome = CardOutcome.Accepted, OutcomeTimestamp = new System.DateTimeOffset(2026, 11, 22, 10, 0, 0, System.TimeSpan.Zero) };

        store.Record(newer).Should().BeTrue();
        store.Record(newer).Should().BeFalse("the same report again changes nothing");
        store.Record(newer with { Outcome = CardOutcome.Overridden, OutcomeTimestamp = newer.OutcomeTimestamp.AddMinutes(-5) }).Should().BeFalse();

        store.CountsByRule().Should().Equal(new RuleFeedbackCount("AZA-PGX-001", 1, 0));
    }

    [Theory]
    [InlineData("spec-2.0.1__18__example-suggestion-accepted.json")]
    [InlineData("spec-2.0.1__20__example-overridden-guidance-with-overridereason.json")]
    public async Task Feedback_OfficialExamples_AreAccepted(string file)
    {
        using var factory = new CdsHooksFactory();
        var body = await File.ReadAllTextAsync(Path.Combine(System.AppContext.BaseDirectory, "Examples", file));

        using var response = await factory.CreateClient().PostAsync(Spec.Prefix + "order-sign/feedback", new StringContent(body, Encoding.UTF8, "application/json"));

        ((int)response.StatusCode).Should().Be(200);
        factory.Services.GetRequiredService<ICdsFeedbackStore>().CountsByRule().Single().RuleId.Should().Be("unknown", "the card was not issued by this service");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"feedback\":{}}")]
    [InlineData("{\"feedback\":[{\"outcome\":\"accepted\",\"outcomeTimestamp\":\"2026-11-22T10:00:00Z\"}]}")]
    [InlineData("{\"feedback\":[{\"card\":\"c\",\"outcome\":\"maybe\",\"outcomeTimestamp\":\"2026-11-22T10:00:00Z\"}]}")]
    [InlineData("{\"feedback\":[{\"card\":\"c\",\"outcome\":\"accepted\"}]}")]
    [InlineData("{\"feedback\":[")]
    public async Task Feedback_Invalid_Answers400(string body)
    {
        using var factory = new CdsHooksFactory();

        using var response = await factory.CreateClient().PostAsync(Spec.Prefix + "order-sign/feedback", new StringContent(body, Encoding.UTF8, "application/json"));

        ((int)response.StatusCode).Should().Be(400);
    }

    [Theory]
    [InlineData("{\"feedback\":[{\"card\":\"c\\ud800\",\"outcome\":\"accepted\",\"outcomeTimestamp\":\"2026-11-22T10:00:00Z\"}]}", "feedback[0].card")]
    [InlineData("{\"feedback\":[{\"card\":\"c\",\"outcome\":\"\\udfff\",\"outcomeTimestamp\":\"2026-11-22T10:00:00Z\"}]}", "feedback[0].outcome")]
    [InlineData("{\"feedback\":[{\"card\":\"c\",\"outcome\":\"accepted\",\"outcomeTimestamp\":\"\\ud800\"}]}", "feedback[0].outcomeTimestamp")]
    [InlineData("{\"feedback\":[{\"card\":\"c\",\"outcome\":\"accepted\",\"acceptedSuggestions\":[{\"id\":\"\\ud800\"}],\"outcomeTimestamp\":\"2026-11-22T10:00:00Z\"}]}", "feedback[0].acceptedSuggestions[0].id")]
    [InlineData("{\"feedback\":[{\"card\":\"c\",\"outcome\":\"overridden\",\"overrideReason\":{\"reason\":{\"code\":\"\\ud800\"}},\"outcomeTimestamp\":\"2026-11-22T10:00:00Z\"}]}", "feedback[0].overrideReason.reason.code")]
    [InlineData("{\"feedback\":[{\"card\":\"c\",\"outcome\":\"overridden\",\"overrideReason\":{\"reason\":{\"system\":\"\\ud800\",\"code\":\"x\"}},\"outcomeTimestamp\":\"2026-11-22T10:00:00Z\"}]}", "feedback[0].overrideReason.reason.system")]
    [InlineData("{\"feedback\":[{\"card\":\"c\",\"outcome\":\"overridden\",\"overrideReason\":{\"userComment\":\"ok \\ud83d\"},\"outcomeTimestamp\":\"2026-11-22T10:00:00Z\"}]}", "feedback[0].overrideReason.userComment")]
    [InlineData("{\"\\udfff\":1,\"feedback\":[]}", "$")]
    [InlineData("{\"feedback\":[],\"\\udfff\":1}", "$")]
    [InlineData("{\"feedback\":[{\"card\":\"c\",\"outcome\":\"accepted\",\"\\ud800x\":1,\"outcomeTimestamp\":\"2026-11-22T10:00:00Z\"}]}", "feedback[0]")]
    [InlineData("{\"feedback\":[{\"card\":\"c\",\"outcome\":\"overridden\",\"overrideReason\":{\"reason\":{\"\\ud800\":\"x\"}},\"outcomeTimestamp\":\"2026-11-22T10:00:00Z\"}]}", "feedback[0].overrideReason.reason")]
    public async Task Feedback_TextWithALoneSurrogateEscape_Answers400NamingTheField(string body, string field)
    {
        // Fuzzing, stop 30: a lone surrogate escape in any text of a feedback item threw from the reader (a 500).
        using var factory = new CdsHooksFactory();

        using var response = await factory.CreateClient().PostAsync(Spec.Prefix + "order-sign/feedback", new StringContent(body, Encoding.UTF8, "application/json"));

        ((int)response.StatusCode).Should().Be(400);
        using var outcome = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var issue = outcome.RootElement.GetProperty("issue")[0];
        issue.GetProperty("expression")[0].GetString().Should().Be(field);
        issue.GetProperty("diagnostics").GetString().Should().Contain("not valid Unicode");
        factory.Services.GetRequiredService<ICdsFeedbackStore>().Export().Should().BeEmpty("a refused report records nothing");
    }
}
