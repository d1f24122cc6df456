using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Feedback;
using Imuran.ClinicalRules.CdsHooks.Tests.Support;
using Imuran.ClinicalRules.Feedback;
using Microsoft.Extensions.DependencyInjection;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Hooks;

/// <summary>
/// order-select's <c>context.selections</c> and feedback's <c>acceptedSuggestions</c>: the service offers no suggestions,
/// so both are checked for shape, tolerated, and change nothing else.
/// </summary>
public class SelectionsTests
{
    private static JsonObject OrderSelect(JsonNode selections)
    {
        var context = FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft()));
        context["selections"] = selections;
        return FhirData.Request("order-select", context, FhirData.Prefetch(medicationRequests: [FhirData.Allopurinol()], pgx: [FhirData.TpmtPoor()]));
    }

    [Fact]
    public async Task OrderSelect_SelectionOfTheAzathioprineDraft_AnswersItsCardsWithoutSuggestions()
    {
        using var factory = new CdsHooksFactory();

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-select", OrderSelect(new JsonArray("MedicationRequest/aza-draft")));

        status.Should().Be(200);
        var cards = Spec.AssertCardsResponse(body);
        cards.Select(Spec.RuleId).Should().Contain(new[] { "AZA-INT-001", "AZA-PGX-001" });
        cards.All(c => !c.TryGetProperty("suggestions", out _) && !c.TryGetProperty("selectionBehavior", out _)).Should().BeTrue();
    }

    [Fact]
    public async Task OrderSelect_SelectionOfAnotherOrder_StillAnswersTheAzathioprineCards()
    {
        using var factory = new CdsHooksFactory();

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-select", OrderSelect(new JsonArray("MedicationRequest/not-in-the-bundle")));

        status.Should().Be(200, "a reference the service cannot resolve is tolerated");
        Spec.AssertCardsResponse(body).Select(Spec.RuleId).Should().Contain("AZA-PGX-001", "azathioprine in the draft orders matters whichever order is being edited");
    }

    [Theory]
    [InlineData("{\"a\":1}", "context.selections")]
    [InlineData("[\"MedicationRequest/aza-draft\", 7]", "context.selections[1]")]
    [InlineData("[\"aza-draft\"]", "context.selections[0]")]
    [InlineData("[\"MedicationRequest/\"]", "context.selections[0]")]
    public async Task OrderSelect_MalformedSelections_Answers400NamingTheField(string selections, string field)
    {
        using var factory = new CdsHooksFactory();

        var (status, body, text) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-select", OrderSelect(JsonNode.Parse(selections)!));

        status.Should().Be(400);
        Spec.AssertOperationOutcome(body);
        text.Should().Contain(field);
    }

    [Fact]
    public async Task OrderSelect_NullSelections_IsTolerated()
    {
        using var factory = new CdsHooksFactory();
        var request = OrderSelect(new JsonArray());
        request["context"]!["selections"] = null;

        var (status, _, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-select", request);

        status.Should().Be(200);
    }

    [Fact]
    public async Task Feedback_AcceptedWithSuggestionIds_IsRecordedAsAccepted()
    {
        using var factory = new CdsHooksFactory();
        var body = new JsonObject
        {
            ["feedback"] = new JsonArray(new JsonObject
            {
                ["card"] = "c-1",
                ["outcome"] = "accepted",
                ["acceptedSuggestions"] = new JsonArray(new JsonObject { ["id"] = "s-1" }),
                ["outcomeTimestamp"] = "2026-11-22T10:00:00Z",
            }),
        };

        var (status, _, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign/feedback", body);

        status.Should().Be(200);
        factory.Services.GetRequiredService<ICdsFeedbackStore>().Export().Single().Outcome.Should().Be(CardOutcome.Accepted);
    }

    [Theory]
    [InlineData("\"s-1\"", "feedback[0].acceptedSuggestions")]
    [InlineData("[\"s-1\"]", "feedback[0].acceptedSuggestions[0].id")]
    [InlineData("[{\"id\":\"s-1\"},{}]", "feedback[0].acceptedSuggestions[1].id")]
    public async Task Feedback_MalformedAcceptedSuggestions_Answers400NamingTheField(string suggestions, string field)
    {
        using var factory = new CdsHooksFactory();
        var body = new JsonObject
        {
            ["feedback"] = new JsonArray(new JsonObject
            {
                ["card"] = "c-1",
                ["outcome"] = "accepted",
                ["acceptedSuggestions"] = JsonNode.Parse(suggestions),
                ["outcomeTimestamp"] = "2026-11-22T10:00:00Z",
            }),
        };

        var (status, _, text) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign/feedback", body);

        status.Should().Be(400);
        text.Should().Contain(field);
        factory.Services.GetRequiredService<ICdsFeedbackStore>().Export().Should().BeEmpty("a feedback call is recorded whole or not at all");
    }
}
