using System.Linq;
using Imuran.ClinicalRules.Facts;
using static Imuran.ClinicalRules.Fhir.Tests.Support.Payloads;

namespace Imuran.ClinicalRules.Fhir.Tests.Resources;

/// <summary>Laboratory results, pregnancy and breastfeeding status observations.</summary>
public class ObservationMapperTests
{
    [Fact]
    public void Read_LoincLabWithQuantity_GivesLabResult()
    {
        var result = ReadWithPatient(Lab("6690-2", 3.1, date: "2025-05-20", interpretation: "L"));

        result.Facts!.LabResults.Should().ContainSingle().Which.Should().BeEquivalentTo(new LabResult
        {
            LoincCode = "6690-2",
            Value = 3.1,
            Unit = "10*9/L",
            Date = new ClinicalDate(2025, 5, 20),
            Flag = LabFlag.Low,
        });
        result.Problems.Should().BeEmpty();
    }

    [Theory]
    [InlineData("L", LabFlag.Low)]
    [InlineData("LL", LabFlag.CriticallyLow)]
    [InlineData("H", LabFlag.High)]
    [InlineData("HH", LabFlag.CriticallyHigh)]
    [InlineData("N", LabFlag.Normal)]
    [InlineData(null, LabFlag.None)]
    public void Read_Interpretation_SetsFlag(string? interpretation, LabFlag expected)
    {
        var result = ReadWithPatient(Lab("751-8", 1.2, interpretation: interpretation));

        result.Facts!.LabResults.Should().ContainSingle().Which.Flag.Should().Be(expected);
    }

    [Fact]
    public void Read_InterpretationNotMapped_LeavesNoFlagWithAProblem()
    {
        var result = ReadWithPatient(Lab("777-3", 90, interpretation: "A"));

        result.Facts!.LabResults.Should().ContainSingle().Which.Flag.Should().Be(LabFlag.None);
        result.Problems.Should().ContainSingle(p => p.Code == MappingProblemCode.InterpretationNotMapped).Which.Message.Should().Contain("|A");
    }

    [Fact]
    public void Read_ReferenceRangeOnly_DoesNotSetAFlag()
    {
        var lab = """{"resourceType":"Observation","id":"o","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"6690-2"}]},"effectiveDateTime":"2025-05-20","valueQuantity":{"value":2.0,"code":"10*9/L"},"referenceRange":[{"low":{"value":4.0},"high":{"value":11.0}}]}""";

        var result = ReadWithPatient(lab);

        result.Facts!.LabResults.Should().ContainSingle().Which.Flag.Should().Be(LabFlag.None);
    }

    [Fact]
    public void Read_LabWithoutUnit_IsMappedWithAProblem()
    {
        var result = ReadWithPatient(Lab("1742-6", 88, unit: null, id: "alt"));

        result.Facts!.LabResults.Should().ContainSingle().Which.Unit.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Code = MappingProblemCode.LabWithoutUnit,
            ResourceType = "Observation",
            Id = "alt",
            Path = "Bundle.entry[1].resource.valueQuantity",
        });
        result.Problems[0].Message.Should().Contain("1742-6");
    }

    [Fact]
    public void Read_UnitTextWithoutCode_IsUsed()
    {
        var lab = """{"resourceType":"Observation","id":"o","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"2160-0"}]},"effectiveDateTime":"2025-05-20","valueQuantity":{"value":1.4,"unit":"mg/dL"}}""";

        ReadWithPatient(lab).Facts!.LabResults.Should().ContainSingle().Which.Unit.Should().Be("mg/dL");
    }

    [Fact]
    public void Read_NonUcumUnitSystem_PrefersTheUnitText()
    {
        var lab = """{"resourceType":"Observation","id":"o","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"2160-0"}]},"effectiveDateTime":"2025-05-20","valueQuantity":{"value":122,"unit":"umol/L","system":"http://snomed.info/sct","code":"258814008"}}""";

        ReadWithPatient(lab).Facts!.LabResults.Should().ContainSingle().Which.Unit.Should().Be("umol/L");
    }

    [Theory]
    [InlineData("\"effectivePeriod\":{\"start\":\"2025-04-02T23:30:00-05:00\"}", "2025-04-02")]
    [InlineData("\"effectiveInstant\":\"2025-04-03T10:00:00.000Z\"", "2025-04-03")]
    [InlineData("\"issued\":\"2025-04-04T10:00:00Z\"", "2025-04-04")]
    [InlineData("\"effectiveDateTime\":\"2025-04\",\"issued\":\"2025-04-05T10:00:00Z\"", "2025-04-05")]
    public void Read_LabDate_ComesFromEffectiveOrIssued(string dateMembers, string expected)
    {
        var lab = $$$"""{"resourceType":"Observation","id":"o","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"718-7"}]},{{{dateMembers}}},"valueQuantity":{"value":12.0,"code":"g/dL"}}""";

        var result = ReadWithPatient(lab);

        result.Facts!.LabResults.Should().ContainSingle().Which.Date.Should().Be(ClinicalDate.Parse(expected));
        result.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Read_LabWithoutDate_IsMappedWithAProblem()
    {
        var lab = """{"resourceType":"Observation","id":"o","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"718-7"}]},"valueQuantity":{"value":12.0,"code":"g/dL"}}""";

        var result = ReadWithPatient(lab);

        result.Facts!.LabResults.Should().ContainSingle().Which.Date.Should().BeNull();
        result.Problems.Should().ContainSingle(p => p.Code == MappingProblemCode.LabWithoutDate);
    }

    [Fact]
    public void Read_ValueWithComparator_KeepsTheNumberWithAProblem()
    {
        var lab = """{"resourceType":"Observation","id":"o","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"62238-1"}]},"effectiveDateTime":"2025-05-20","valueQuantity":{"value":90,"comparator":">","code":"mL/min/{1.73_m2}"}}""";

        var result = ReadWithPatient(lab);

        result.Facts!.LabResults.Should().ContainSingle().Which.Value.Should().Be(90);
        result.Problems.Should().ContainSingle(p => p.Code == MappingProblemCode.ComparatorIgnored);
    }

    [Theory]
    [InlineData("registered")] // no result yet
    [InlineData("cancelled")] // no result will come
    [InlineData("entered-in-error")] // not real
    public void Read_ObservationWithoutAResult_IsIgnoredButListed(string status)
    {
        var result = ReadWithPatient(Lab("6690-2", 3.1, status: status));

        result.Facts!.LabResults.Should().BeEmpty();
        result.Used.Should().ContainSingle(u => u.Id == "lab1" && u.Ignored).Which.Description.Should().Contain(status);
        result.Problems.Should().BeEmpty();
    }

    [Theory]
    [InlineData(@"""status"":""preliminary"",", "'preliminary'")]
    [InlineData(@"""status"":""unknown"",", "'unknown'")]
    [InlineData("", "no status")] // status is 1..1 in FHIR R4
    [InlineData(@"""status"":""Final"",", "'Final'")] // codes are case-sensitive: not one of R4's
    [InlineData(@"""status"":5,", "no status")] // the wrong type is read as absent
    public void Read_PoorMetaboliserResultNotFinal_IsNotReadAndMeansIncompleteData(string statusMember, string said)
    {
        // QA, stop 25: a preliminary (or unknown-status) TPMT result saying poor metaboliser was only "ignored", so
        // AZA-PGX-009 ("no result") fired as if no test existed, and nothing said a result was there.
        var observation = $$$"""{"resourceType":"Observation","id":"tpmt",{{{statusMember}}}"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/observation-geneticsGene","valueCodeableConcept":{"coding":[{"system":"http://www.genenames.org","code":"HGNC:12014","display":"TPMT"}]}}],"code":{"coding":[{"system":"http://loinc.org","code":"53040-2"}]},"effectiveDateTime":"2025-05-01","valueCodeableConcept":{"coding":[{"system":"http://loinc.org","code":"LA9657-3","display":"Poor metabolizer"}]}}""";

        var result = ReadWithPatient(observation);

        result.Facts!.Pharmacogenomics.Should().BeEmpty("a result that is not final is not read as one");
        var problem = result.Problems.Should().ContainSingle(p => p.ErrorCode == "FHIR_RESULT_NOT_FINAL").Subject;
        problem.MeansIncompleteData.Should().BeTrue();
        problem.Message.Should().Contain("Observation/tpmt").And.Contain(said);
        problem.Path.Should().Be("Bundle.entry[1].resource.status");
    }

    [Theory]
    [InlineData("tpmt-implication")] // a Genomics Reporting therapeutic implication: not LOINC-coded
    [InlineData("nudt15-genotype")]
    [InlineData("blood-count")]
    [InlineData("pregnancy-status")]
    [InlineData("hcg")]
    public void Read_PreliminaryResultOfEveryKindRead_MeansIncompleteData(string kind)
    {
        var observation = kind switch
        {
            "tpmt-implication" => """{"resourceType":"Observation","id":"x","status":"preliminary","code":{"coding":[{"system":"http://hl7.org/fhir/uv/genomics-reporting/CodeSystem/tbd-codes-cs","code":"therapeutic-implication"}]},"effectiveDateTime":"2025-05-01","component":[{"code":{"coding":[{"system":"http://loinc.org","code":"53040-2"}]},"valueCodeableConcept":{"coding":[{"system":"http://loinc.org","code":"LA9657-3","display":"Poor metabolizer"}]}},{"code":{"coding":[{"system":"http://loinc.org","code":"48018-6"}]},"valueCodeableConcept":{"coding":[{"system":"http://www.genenames.org","code":"HGNC:12014","display":"TPMT"}]}}]}""",
            "nudt15-genotype" => """{"resourceType":"Observation","id":"x","status":"preliminary","code":{"coding":[{"system":"http://loinc.org","code":"84413-4"}]},"effectiveDateTime":"2025-05-01","valueCodeableConcept":{"text":"NUDT15 *3/*3"}}""",
            "blood-count" => Lab("6690-2", 1.1, interpretation: "LL", status: "preliminary", id: "x"),
            "pregnancy-status" => """{"resourceType":"Observation","id":"x","status":"preliminary","code":{"coding":[{"system":"http://loinc.org","code":"82810-3"}]},"effectiveDateTime":"2025-05-01","valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"77386006"}]}}""",
            _ => """{"resourceType":"Observation","id":"x","status":"preliminary","code":{"coding":[{"system":"http://loinc.org","code":"2106-3"}]},"effectiveDateTime":"2025-05-28","valueString":"Positive"}""",
        };

        var final = ReadWithPatient(observation.Replace("\"preliminary\"", "\"final\"", System.StringComparison.Ordinal)).Facts!;
        (final.Pharmacogenomics.Count + final.LabResults.Count + (final.PregnancyStatus == PregnancyStatus.Pregnant ? 1 : 0))
            .Should().Be(1, "the same result, final, is read");

        var result = ReadWithPatient(observation);

        result.Facts!.Pharmacogenomics.Should().BeEmpty();
        result.Facts.LabResults.Should().BeEmpty();
        result.Facts.PregnancyStatus.Should().Be(PregnancyStatus.Unknown);
        result.Problems.Should().ContainSingle(p => p.ErrorCode == "FHIR_RESULT_NOT_FINAL" && p.MeansIncompleteData)
            .Which.Message.Should().Contain("Observation/x").And.Contain("preliminary");
    }

    [Fact]
    public void Read_PreliminaryObservationTheReaderWouldNotReadAnyway_IsIgnoredWithoutAProblem()
    {
        // Not LOINC-coded and not pharmacogenomic: final, it would be unrecognised, so its status hides nothing.
        var observation = """{"resourceType":"Observation","id":"o","status":"preliminary","code":{"coding":[{"system":"http://acme.org/lab","code":"WBC"}]},"effectiveDateTime":"2025-05-28","valueQuantity":{"value":4,"code":"10*9/L"}}""";

        var result = ReadWithPatient(observation);

        result.Problems.Should().BeEmpty();
        result.Used.Should().ContainSingle(u => u.Id == "o" && u.Ignored).Which.Description.Should().Contain("preliminary");
    }

    [Theory]
    [InlineData("amended")]
    [InlineData("corrected")]
    public void Read_ObservationAmendedOrCorrected_IsRead(string status)
    {
        ReadWithPatient(Lab("6690-2", 3.1, status: status)).Facts!.LabResults.Should().ContainSingle();
    }

    [Fact]
    public void Read_LabWithoutNumericValue_IsUnrecognisedWithAProblem()
    {
        var lab = """{"resourceType":"Observation","id":"o","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"718-7"}]},"effectiveDateTime":"2025-05-20","valueQuantity":{"code":"g/dL"}}""";

        var result = ReadWithPatient(lab);

        result.Facts!.LabResults.Should().BeEmpty();
        result.Problems.Should().ContainSingle(p => p.Code == MappingProblemCode.LabWithoutValue);
        result.Unrecognised.Should().ContainSingle(u => u.Reason == UnrecognisedReason.ValueNotRecognised);
    }

    [Fact]
    public void Read_LabValueOutOfRange_IsUnrecognisedWithAProblem()
    {
        var lab = """{"resourceType":"Observation","id":"o","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"718-7"}]},"effectiveDateTime":"2025-05-20","valueQuantity":{"value":1e400,"code":"g/dL"}}""";

        var result = ReadWithPatient(lab);

        result.Facts!.LabResults.Should().BeEmpty();
        result.Problems.Should().Contain(p => p.Code == MappingProblemCode.InvalidMemberType && p.Message.Contains("finite number"));
    }

    [Fact]
    public void Read_UnknownLoincLab_IsPassedOnForTheCore()
    {
        ReadWithPatient(Lab("789-8", 4.1)).Facts!.LabResults.Should().ContainSingle(l => l.LoincCode == "789-8");
    }

    [Theory]
    [InlineData("http://snomed.info/sct", "77386006", Facts.PregnancyStatus.Pregnant)]
    [InlineData("http://snomed.info/sct", "60001007", Facts.PregnancyStatus.NotPregnant)]
    [InlineData("http://snomed.info/sct", "152231000119106", Facts.PregnancyStatus.Unknown)]
    [InlineData("http://snomed.info/sct", "146799005", Facts.PregnancyStatus.Unknown)]
    [InlineData("http://loinc.org", "LA15173-0", Facts.PregnancyStatus.Pregnant)]
    [InlineData("http://loinc.org", "LA26683-5", Facts.PregnancyStatus.NotPregnant)]
    [InlineData("http://loinc.org", "LA4489-6", Facts.PregnancyStatus.Unknown)]
    public void Read_PregnancyStatusObservation_SetsPregnancyStatus(string system, string code, Facts.PregnancyStatus expected)
    {
        var result = ReadWithPatient(PregnancyObservation(system, code, "2025-05-01"));

        result.Facts!.PregnancyStatus.Should().Be(expected);
        result.Used.Should().ContainSingle(u => u.Fact == MappedFact.PregnancyStatus).Which.MatchedByText.Should().BeFalse();
    }

    [Fact]
    public void Read_PregnancyStatusAsTextOnly_IsMatchedByText()
    {
        var observation = """{"resourceType":"Observation","id":"ps","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"82810-3"}]},"effectiveDateTime":"2025-05-01","valueCodeableConcept":{"text":"Not pregnant"}}""";

        var result = ReadWithPatient(observation);

        result.Facts!.PregnancyStatus.Should().Be(Facts.PregnancyStatus.NotPregnant);
        result.Used.Should().ContainSingle(u => u.Id == "ps").Which.MatchedByText.Should().BeTrue();
    }

    [Fact]
    public void Read_PregnancyStatusWithUnknownAnswer_IsUnrecognised()
    {
        var result = ReadWithPatient(PregnancyObservation("http://loinc.org", "LA99999-9", "2025-05-01"));

        result.Facts!.PregnancyStatus.Should().Be(Facts.PregnancyStatus.Unknown);
        result.Unrecognised.Should().ContainSingle(u => u.Reason == UnrecognisedReason.ValueNotRecognised);
    }

    [Fact]
    public void Read_SeveralPregnancyStatuses_LatestDatedWins()
    {
        var result = ReadWithPatient(
            PregnancyObservation("http://snomed.info/sct", "60001007", "2025-01-10", "old"),
            PregnancyObservation("http://snomed.info/sct", "77386006", "2025-05-10", "new"),
            Condition("http://snomed.info/sct", "77386006", "Pregnancy", "resolved", id: "c-old", extra: ""","abatementDateTime":"2024-06-01" """));

        result.Facts!.PregnancyStatus.Should().Be(Facts.PregnancyStatus.Pregnant);
        result.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Read_ConflictingPregnancyStatusesOnTheSameDate_GiveUnknownAndAProblem()
    {
        var result = ReadWithPatient(
            PregnancyObservation("http://snomed.info/sct", "77386006", "2025-05-10", "yes"),
            PregnancyObservation("http://loinc.org", "LA26683-5", "2025-05-10", "no"));

        result.Facts!.PregnancyStatus.Should().Be(Facts.PregnancyStatus.Unknown);
        result.Problems.Should().ContainSingle(p => p.Code == MappingProblemCode.ContradictoryPregnancyStatus)
            .Which.Message.Should().Contain("ontradictory pregnancy status").And.Contain("Observation/yes").And.Contain("Observation/no");
    }

    [Fact]
    public void Evaluate_ConflictingPregnancyStatuses_TheBasisDoesNotSayNotRecorded()
    {
        // QA gap: the status set to unknown for a contradiction reached the pregnancy prompt's basis as "unknown (not
        // recorded)", though two statuses were recorded.
        var result = ReadWithPatient(
            PregnancyObservation("http://snomed.info/sct", "77386006", "2025-05-10", "yes"),
            PregnancyObservation("http://loinc.org", "LA26683-5", "2025-05-10", "no"));

        var evaluation = ClinicalRuleSet.Default.Evaluate(result.Facts! with { Therapy = new AzathioprineTherapy { Status = TherapyStatus.Considering } });

        var status = evaluation.Findings.Single(f => f.RuleId == "AZA-DQ-002").Basis.Facts.Single(b => b.Name == "pregnancy status");
        status.Value.Should().Be("unknown").And.NotContain("not recorded");
    }

    [Fact]
    public void Read_ActivePregnancyConditionRecordedAfterNegativeObservation_IsPregnant()
    {
        var result = ReadWithPatient(
            PregnancyObservation("http://snomed.info/sct", "60001007", "2025-01-10"),
            Condition("http://hl7.org/fhir/sid/icd-10-cm", "Z33.1", "Pregnant state, incidental", extra: ""","recordedDate":"2025-04-20" """));

        result.Facts!.PregnancyStatus.Should().Be(Facts.PregnancyStatus.Pregnant);
    }

    [Theory]
    [InlineData(""","onsetDateTime":"2025-01-10" """)]
    [InlineData("")] // undated: before, the dated negative record alone decided
    public void Read_NegativeObservationAfterAnActivePregnancyCondition_IsAContradiction(string conditionDate)
    {
        // QA, 2 Dec: the later "not pregnant" replaced the active condition in silence. An active condition says
        // pregnant now: the negative record contradicts it (the condition would have been resolved).
        var result = ReadWithPatient(
            Condition("http://snomed.info/sct", "77386006", "Pregnancy", id: "c-active", extra: conditionDate),
            PregnancyObservation("http://snomed.info/sct", "60001007", "2025-05-10", "no"));

        result.Facts!.PregnancyStatus.Should().Be(Facts.PregnancyStatus.Unknown);
        result.Problems.Should().ContainSingle(p => p.Code == MappingProblemCode.ContradictoryPregnancyStatus)
            .Which.Message.Should().Contain("Condition/c-active says Pregnant").And.Contain("Observation/no says NotPregnant (2025-05-10)");
    }

    [Fact]
    public void Read_NegativeObservationAfterAResolvedPregnancyCondition_IsNotPregnant()
    {
        // Boundary: a resolved pregnancy does not say pregnant now.
        var result = ReadWithPatient(
            Condition("http://snomed.info/sct", "77386006", "Pregnancy", "resolved", id: "c-old", extra: ""","abatementDateTime":"2025-02-01" """),
            PregnancyObservation("http://snomed.info/sct", "60001007", "2025-05-10", "no"));

        result.Facts!.PregnancyStatus.Should().Be(Facts.PregnancyStatus.NotPregnant);
        result.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Read_BreastfeedingStatusObservation_SetsBreastfeeding()
    {
        var observation = """{"resourceType":"Observation","id":"bf","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"63895-7"}]},"effectiveDateTime":"2025-05-01","valueCodeableConcept":{"coding":[{"system":"http://loinc.org","code":"LA29252-6","display":"Currently breastfeeding"}]}}""";

        var result = ReadWithPatient(observation);

        result.Facts!.Breastfeeding.Should().BeTrue();
        result.Used.Should().ContainSingle(u => u.Fact == MappedFact.Breastfeeding);
    }

    [Theory]
    [InlineData("2106-3", "Positive", Facts.PregnancyStatus.Pregnant)]
    [InlineData("2118-8", "Negative", Facts.PregnancyStatus.NotPregnant)]
    [InlineData("2106-3", "NEGATIVE", Facts.PregnancyStatus.NotPregnant)]
    public void Read_QualitativeHcg_SetsPregnancyStatusByAnswerText(string loinc, string answer, Facts.PregnancyStatus expected)
    {
        var observation = $$$"""{"resourceType":"Observation","id":"hcg","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"{{{loinc}}}"}]},"effectiveDateTime":"2025-05-28","valueCodeableConcept":{"text":"{{{answer}}}"}}""";

        var result = ReadWithPatient(observation);

        result.Facts!.PregnancyStatus.Should().Be(expected);
        result.Used.Should().ContainSingle(u => u.Id == "hcg").Which.MatchedByText.Should().BeTrue();
    }

    [Fact]
    public void Read_QualitativeHcgWithUnclearAnswer_IsUnrecognised()
    {
        var observation = """{"resourceType":"Observation","id":"hcg","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"2106-3"}]},"effectiveDateTime":"2025-05-28","valueString":"Equivocal"}""";

        var result = ReadWithPatient(observation);

        result.Facts!.PregnancyStatus.Should().Be(Facts.PregnancyStatus.Unknown);
        result.Unrecognised.Should().ContainSingle().Which.Message.Should().Contain("Equivocal");
    }

    [Fact]
    public void Read_ObservationWithoutLoinc_IsUnrecognised()
    {
        var observation = """{"resourceType":"Observation","id":"o","status":"final","code":{"coding":[{"system":"http://acme.org/lab","code":"WBC"}]},"effectiveDateTime":"2025-05-28","valueQuantity":{"value":4,"code":"10*9/L"}}""";

        ReadWithPatient(observation).Unrecognised.Should().ContainSingle(u => u.Reason == UnrecognisedReason.CodeNotRecognised);
    }

    private static string PregnancyObservation(string system, string code, string date, string id = "ps") =>
        $$$"""{"resourceType":"Observation","id":"{{{id}}}","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"82810-3"}]},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"{{{date}}}","valueCodeableConcept":{"coding":[{"system":"{{{system}}}","code":"{{{code}}}"}]}}""";
}
