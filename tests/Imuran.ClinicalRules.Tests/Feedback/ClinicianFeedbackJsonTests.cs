using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Imuran.ClinicalRules.Feedback;
using Imuran.ClinicalRules.Tests.Common;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Tests.Feedback;

public class ClinicianFeedbackJsonTests
{
    private const string Hl7 = FeedbackSample.Hl7;

    private static ClinicianFeedbackExport Sample() => FeedbackSample.Export();

    [Fact]
    public void Create_Entries_SummarisesPerRuleWithReasonsMostGivenFirst()
    {
        var export = Sample();

        export.Rules.Select(r => r.RuleId).Should().Equal("AZA-INT-001", "AZA-PGX-001", ClinicianFeedbackExport.UnknownRule);
        var interaction = export.Rules[0];
        interaction.Accepted.Should().Be(1);
        interaction.Overridden.Should().Be(3);
        interaction.OverrideRate.Should().Be(0.75);
        interaction.OverrideReasons.Should().Equal(
            new OverrideReasonCount(new OverrideReason(Hl7, "recipient-concerns-outcomes"), 2),
            new OverrideReasonCount(new OverrideReason(Hl7, "other"), 1));
        export.Rules[2].OverrideReasons.Should().BeEmpty("overridden without a reason");
        export.Entries.Select(e => e.CardUuid).Should().Equal("c1", "c2", "c3", "c4", "c5", "c6");
    }

    [Fact]
    public void ToJson_ThenRead_GivesTheSameExport()
    {
        var export = Sample();

        var json = ClinicianFeedbackJson.ToJson(export);
        var read = ClinicianFeedbackJson.Read(json);

        read.Succeeded.Should().BeTrue(string.Join("; ", read.Problems.Select(p => p.Message)));
        read.Export!.Should().BeEquivalentTo(export);
        json.Should().Contain("\"format\": \"imuran-clinicalrules-feedback\"").And.Contain("\"formatVersion\": 1").And.Contain("\"overrideRate\": 0.75");
    }

    [Fact]
    public async Task ReadAsync_CountsOnlyWithoutEntriesAndUnknownMembers_IsRead()
    {
        const string json = """
            { "format": "imuran-clinicalrules-feedback", "formatVersion": 1, "ruleSetId": "r", "ruleSetVersion": "1",
              "exportedAt": "2026-11-22T10:00:00Z", "addedLater": { "x": 1 },
              "rules": [ { "ruleId": "AZA-PGX-001", "accepted": 2, "overridden": 1, "overrideRate": 0.3333, "note": "ignored",
                           "overrideReasons": [ { "code": "other", "count": 1 } ] } ] }
            """;

        var read = await ClinicianFeedbackJson.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        read.Succeeded.Should().BeTrue(string.Join("; ", read.Problems.Select(p => p.Message)));
        read.Export!.Entries.Should().BeEmpty();
        read.Export.Rules.Single().OverrideReasons.Single().Reason.Should().Be(new OverrideReason(null, "other"));
    }

    [Fact]
    public void Read_BytesOverTheLimit_AreRefusedAsReadAsyncRefusesThem()
    {
        // Stop 31: ReadAsync refused an export over MaxBytes, Read(bytes) and Read(string) took it whole (the site-policy
        // reader already refuses in both); one limit for every way in.
        const string json = """{ "format": "imuran-clinicalrules-feedback", "formatVersion": 1, "ruleSetId": "r", "ruleSetVersion": "1", "exportedAt": "2026-11-22T10:00:00Z", "rules": [] }""";
        var padded = new byte[ClinicianFeedbackJson.MaxBytes + 1];
        padded.AsSpan().Fill((byte)' ');
        Encoding.UTF8.GetBytes(json).CopyTo(padded, 0);

        var read = ClinicianFeedbackJson.Read(padded);

        read.Export.Should().BeNull();
        read.Problems.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.InputTooLarge);
        ClinicianFeedbackJson.Read(padded.AsSpan(0, (int)ClinicianFeedbackJson.MaxBytes)).Succeeded.Should().BeTrue("an export of exactly the limit is read");
    }

    [Theory]
    [InlineData("{", "$", ErrorCodes.MalformedInput)]
    [InlineData("[]", "$", ErrorCodes.MalformedInput)]
    [InlineData("""{"format":"imuran-clinicalrules-policy","formatVersion":1}""", "format", ErrorCodes.UnknownValue)]
    [InlineData("""{"format":"imuran-clinicalrules-feedback","formatVersion":2,"ruleSetId":"r","ruleSetVersion":"1","exportedAt":"2026-11-22T10:00:00Z","rules":[]}""", "formatVersion", ErrorCodes.UnknownValue)]
    [InlineData("""{"format":"imuran-clinicalrules-feedback","ruleSetId":"r","ruleSetVersion":"1","exportedAt":"2026-11-22T10:00:00Z","rules":[]}""", "formatVersion", ErrorCodes.Required)]
    [InlineData("""{"format":"imuran-clinicalrules-feedback","formatVersion":1,"ruleSetVersion":"1","exportedAt":"2026-11-22T10:00:00Z","rules":[]}""", "ruleSetId", ErrorCodes.Required)]
    [InlineData("""{"format":"imuran-clinicalrules-feedback","formatVersion":1,"ruleSetId":"r","ruleSetVersion":"1","exportedAt":"yesterday","rules":[]}""", "exportedAt", ErrorCodes.InvalidDate)]
    [InlineData("""{"format":"imuran-clinicalrules-feedback","formatVersion":1,"ruleSetId":"r","ruleSetVersion":"1","exportedAt":"2026-11-22T10:00:00Z"}""", "rules", ErrorCodes.Required)]
    [InlineData("""{"format":"imuran-clinicalrules-feedback","formatVersion":1,"ruleSetId":"r","ruleSetVersion":"1","exportedAt":"2026-11-22T10:00:00Z","rules":[{"ruleId":"A","accepted":-1,"overridden":0}]}""", "rules[0].accepted", ErrorCodes.OutOfRange)]
    [InlineData("""{"format":"imuran-clinicalrules-feedback","formatVersion":1,"ruleSetId":"r","ruleSetVersion":"1","exportedAt":"2026-11-22T10:00:00Z","rules":[{"ruleId":"A","accepted":"1","overridden":0}]}""", "rules[0].accepted", ErrorCodes.Required)]
    [InlineData("""{"format":"imuran-clinicalrules-feedback","formatVersion":1,"ruleSetId":"r","ruleSetVersion":"1","exportedAt":"2026-11-22T10:00:00Z","rules":[{"ruleId":"A","accepted":0,"overridden":0},{"ruleId":"A","accepted":0,"overridden":0}]}""", "rules[1].ruleId", ErrorCodes.DuplicateField)]
    [InlineData("""{"format":"imuran-clinicalrules-feedback","formatVersion":1,"ruleSetId":"r","ruleSetVersion":"1","exportedAt":"2026-11-22T10:00:00Z","rules":[{"ruleId":"A","accepted":0,"overridden":1,"overrideReasons":[{"code":"x","count":2}]}]}""", "rules[0].overrideReasons", ErrorCodes.Contradictory)]
    [InlineData("""{"format":"imuran-clinicalrules-feedback","formatVersion":1,"ruleSetId":"r","ruleSetVersion":"1","exportedAt":"2026-11-22T10:00:00Z","rules":[{"ruleId":"A","accepted":2,"overridden":0}],"entries":[{"serviceId":"s","card":"c","ruleId":"A","outcome":"accepted","outcomeTimestamp":"2026-11-22T10:00:00Z"}]}""", "rules", ErrorCodes.Contradictory)]
    [InlineData("""{"format":"imuran-clinicalrules-feedback","formatVersion":1,"ruleSetId":"r","ruleSetVersion":"1","exportedAt":"2026-11-22T10:00:00Z","rules":[],"entries":[{"serviceId":"s","card":"c","outcome":"maybe","outcomeTimestamp":"2026-11-22T10:00:00Z"}]}""", "entries[0].outcome", ErrorCodes.UnknownValue)]
    public void Read_BadExport_NamesTheFieldAndGivesNoExport(string json, string field, string code)
    {
        var read = ClinicianFeedbackJson.Read(json);

        read.Succeeded.Should().BeFalse();
        read.Export.Should().BeNull();
        read.Problems.Should().Contain(p => p.Field == field && p.Code == code, string.Join("; ", read.Problems.Select(p => $"{p.Field} {p.Code} {p.Message}")));
    }

    [Fact]
    public void Read_InvalidUtf8_IsAProblemNotAnException()
    {
        var bytes = new byte[] { (byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}' };

        var read = ClinicianFeedbackJson.Read(bytes);

        read.Succeeded.Should().BeFalse();
        read.Problems.Single().Code.Should().Be(ErrorCodes.MalformedInput);
    }

    [Theory]
    [InlineData(int.MaxValue, int.MaxValue, 0.5)]
    [InlineData(int.MaxValue, 1, 1.0 / (int.MaxValue + 1.0))]
    [InlineData(0, 0, null)]
    public void OverrideRate_CountsNearTheLimit_DoNotOverflow(int accepted, int overridden, double? rate)
    {
        // Stop 28: accepted + overridden was summed in int: two counts of 2,147,483,647 gave "-107374182350.0 %".
        new RuleFeedbackSummary { RuleId = "AZA-INT-001", Accepted = accepted, Overridden = overridden }.OverrideRate.Should().Be(rate);
    }

    private const string Minimal = "{\"format\":\"imuran-clinicalrules-feedback\",\"formatVersion\":1,\"ruleSetId\":\"r\",\"ruleSetVersion\":\"1\",\"exportedAt\":\"2026-11-22T10:00:00Z\",\"rules\":[{\"ruleId\":\"AZA-PGX-001\",\"accepted\":1,\"overridden\":0}],\"entries\":[{\"serviceId\":\"s\",\"card\":\"c1\",\"ruleId\":\"AZA-PGX-001\",\"outcome\":\"accepted\",\"outcomeTimestamp\":\"2026-11-22T10:05:00Z\"}]}";

    [Theory]
    [InlineData("\"ruleSetId\":\"r\"", "\"ruleSetId\":\"r\\ud800\"", "ruleSetId")]
    [InlineData("\"card\":\"c1\"", "\"card\":\"\\udfffc1\"", "entries[0].card")]
    [InlineData("\"outcomeTimestamp\":\"2026", "\"outcomeTimestamp\":\"\\ud8002026", "entries[0].outcomeTimestamp")]
    [InlineData("\"ruleId\":\"AZA-PGX-001\",\"accepted\"", "\"ruleId\":\"AZA-PGX-001\\ud800\",\"accepted\"", "rules[0].ruleId")]
    public void Read_TextWithALoneSurrogateEscape_IsAnInvalidTextProblem_NotAnException(string valid, string broken, string field)
    {
        // Fuzzing, stop 30: reading such a text threw (InvalidOperationException); reading promises never to throw for bad input.
        ClinicianFeedbackJson.Read(Minimal).Succeeded.Should().BeTrue();

        var read = ClinicianFeedbackJson.Read(Minimal.Replace(valid, broken, StringComparison.Ordinal));

        read.Succeeded.Should().BeFalse();
        read.Problems.Should().Contain(p => p.Field == field && p.Code == ErrorCodes.InvalidText);
    }

    [Theory]
    [InlineData("{\"\\ud800\":1,", "$")]
    [InlineData("\"accepted\":1,\"\\udfffoverrideReasons\":[],", "rules[0]")]
    [InlineData("\"card\":\"c1\",\"\\ud800x\":true,", "entries[0]")]
    public void Read_AMemberNameWithALoneSurrogateEscape_IsAnInvalidTextProblem_WhereverItStands(string insert, string field)
    {
        // Fuzzing, stop 30: a broken member name made a look-up throw, or was passed over, depending on where it stood.
        var anchor = field switch { "$" => "{", "rules[0]" => "\"accepted\":1,", _ => "\"card\":\"c1\"," };
        var at = Minimal.IndexOf(anchor, StringComparison.Ordinal);
        var json = Minimal.Substring(0, at) + insert + Minimal.Substring(at + anchor.Length);
        var atEnd = Minimal.Substring(0, Minimal.Length - 1) + ",\"\\udfff\":1}";

        var read = ClinicianFeedbackJson.Read(json);

        read.Succeeded.Should().BeFalse();
        read.Problems.Should().Contain(p => p.Field == field && p.Code == ErrorCodes.InvalidText && p.Message.Contains("member name"));
        ClinicianFeedbackJson.Read(atEnd).Problems.Should().Contain(p => p.Field == "$" && p.Code == ErrorCodes.InvalidText);
    }
}
