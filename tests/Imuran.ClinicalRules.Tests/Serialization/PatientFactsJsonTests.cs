using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Tests.Serialization;

public class PatientFactsJsonTests
{
    [Fact]
    public void Read_FullDocument_MapsEveryField()
    {
        const string json = """
        {
          "patientId": "p1", "evaluationDate": "2026-06-15", "birthDate": "1990-02-03", "sex": "female",
          "therapy": { "status": "newlyStarted", "startDate": "2026-06-01", "lastRegimenChange": "2026-06-10" },
          "setting": "dispensing", "indications": ["crohnsDisease"],
          "pharmacogenomics": [{ "gene": "TPMT", "diplotype": "*1/*3A", "phenotype": "intermediate", "method": "genotype", "date": "2026-05-01" }],
          "lastRedCellTransfusion": "2026-01-01", "pregnancyStatus": "pregnant", "pruritusInPregnancy": true, "raisedBileAcids": true,
          "suspectedCholestasisOfPregnancy": false, "breastfeeding": false, "plannedConception": true,
          "medications": [{ "name": "Zyloprim", "rxNormCode": "519", "startDate": "2026-01-01", "active": false, "endDate": "2026-02-01" }],
          "allergies": [{ "substance": "mercaptopurine" }],
          "conditions": [{ "name": "Hep B", "code": "B18.1", "codeSystem": "icd-10-cm", "status": "history", "onset": "2010-01-01", "kind": "hepatitisB" }],
          "labResults": [{ "kind": "whiteCells", "loincCode": "6690-2", "name": "WBC", "value": 3.2, "unit": "10*9/L", "date": "2026-06-14", "flag": "critically-low" }],
          "vaccinations": [{ "cvxCode": "03", "name": "MMR", "date": "2026-07-01", "status": "planned" }],
          "newNeurologicalSigns": ["confusion", "speechChange"]
        }
        """;

        var read = PatientFactsJson.Read(json);

        read.Problems.Should().BeEmpty();
        var f = read.Facts!;
        f.PatientId.Should().Be("p1");
        f.EvaluationDate.Should().Be(new ClinicalDate(2026, 6, 15));
        f.Sex.Should().Be(Sex.Female);
        f.Therapy.Should().Be(new AzathioprineTherapy { Status = TherapyStatus.NewlyStarted, StartDate = new ClinicalDate(2026, 6, 1), LastRegimenChange = new ClinicalDate(2026, 6, 10) });
        f.Setting.Should().Be(CareSetting.Dispensing);
        f.Indications.Should().Equal(Indication.CrohnsDisease);
        f.Pharmacogenomics.Should().ContainSingle().Which.Should().Be(new PharmacogenomicResult { Gene = Gene.Tpmt, Diplotype = "*1/*3A", Phenotype = MetabolizerPhenotype.Intermediate, Method = TestMethod.Genotype, Date = new ClinicalDate(2026, 5, 1) });
        f.PregnancyStatus.Should().Be(PregnancyStatus.Pregnant);
        (f.PruritusInPregnancy, f.RaisedBileAcids, f.SuspectedCholestasisOfPregnancy, f.Breastfeeding, f.PlannedConception).Should().Be((true, true, false, (bool?)false, true));
        f.Medications.Should().ContainSingle().Which.Active.Should().BeFalse();
        f.Allergies.Should().ContainSingle().Which.Substance.Should().Be("mercaptopurine");
        f.Conditions.Should().ContainSingle().Which.Should().Be(new Condition { Name = "Hep B", Code = "B18.1", CodeSystem = "icd-10-cm", Status = ConditionStatus.History, Onset = new ClinicalDate(2010, 1, 1), Kind = ConditionKind.HepatitisB });
        f.LabResults.Should().ContainSingle().Which.Flag.Should().Be(LabFlag.CriticallyLow);
        f.Vaccinations.Should().ContainSingle().Which.Status.Should().Be(VaccinationStatus.Planned);
        f.NewNeurologicalSigns.Should().Equal(NeurologicalSign.Confusion, NeurologicalSign.SpeechChange);
    }

    [Fact]
    public void Read_MalformedJson_ReportsLineAndPosition()
    {
        var read = PatientFactsJson.Read("{\n  \"evaluationDate\": \"2026-06-15\",\n  \"sex\": female\n}");

        read.Facts.Should().BeNull();
        read.Problems.Should().ContainSingle().Which.Should().Match<ValidationProblem>(p =>
            p.Code == ErrorCodes.MalformedInput && p.Field == "$" && p.Message == "The input is not valid JSON at line 3, position 11: 'female }' is an invalid JSON literal. Expected the literal 'false'.");
    }

    [Fact]
    public void Read_TruncatedJson_ReportsMalformedInput() =>
        PatientFactsJson.Read("{\"evaluationDate\": \"2026-").Problems.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.MalformedInput);

    [Fact]
    public void Read_NotAnObject_ReportsShape() =>
        PatientFactsJson.Read("[1,2]").Problems.Should().ContainSingle().Which.Message.Should().Be("The document must be a JSON object of patient facts.");

    [Fact]
    public void Read_UnknownEnumText_NamesFieldAndAllowedValues() =>
        PatientFactsJson.Read("""{"evaluationDate":"2026-06-15","therapy":{"status":"maybe"}}""").Problems.Should().ContainSingle().Which.Should().Be(
            new ValidationProblem("therapy.status", ErrorCodes.UnknownValue, "'maybe' is not a known value; allowed values: unknown, considering, newlyStarted, continuing, stopped."));

    [Fact]
    public void Read_UnknownEnumTextOrFieldCarryingDosingText_IsNotEchoed()
    {
        // QA, 2 Dec: "'halve the azathioprine dose to 25 mg' is not a known value" repeated the text in the result and on stderr.
        var problems = PatientFactsJson.Read("""{"evaluationDate":"2026-06-15","sex":"halve the azathioprine dose to 25 mg","indications":["give 1/2 tablet",{"x":"halve"}],"reduce dose to 25 mg":1}""").Problems;

        problems.Select(p => p.Code).Should().BeEquivalentTo(new[] { ErrorCodes.UnknownField, ErrorCodes.UnknownValue, ErrorCodes.UnknownValue, ErrorCodes.UnknownValue });
        var text = string.Join(" | ", problems.Select(p => p.Field + " " + p.Message));
        text.Should().NotContain("halve").And.NotContain("25 mg").And.NotContain("1/2").And.NotContain("reduce");
        problems.Should().Contain(p => p.Field == "sex" && p.Message.StartsWith("'(name withheld: it carries amounts or instructions)' is not a known value", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Field == "indications[1]" && p.Message.StartsWith("an object is not a known value", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_NumericEnum_IsRejected() =>
        PatientFactsJson.Read("""{"evaluationDate":"2026-06-15","sex":2}""").Problems.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.UnknownValue);

    [Fact]
    public void Read_MisspeltField_IsRejectedNotIgnored() =>
        PatientFactsJson.Read("""{"evaluationDate":"2026-06-15","labResult":[]}""").Problems.Should().ContainSingle().Which.Should().Be(
            new ValidationProblem("labResult", ErrorCodes.UnknownField, "'labResult' is not a field of this object; check the spelling against the documented schema."));

    [Fact]
    public void Read_WrongTypes_NameTheFields()
    {
        var read = PatientFactsJson.Read("""{"evaluationDate":20260615,"breastfeeding":"yes","medications":{},"labResults":[{"value":"high","unit":"g/L","date":"2026-01-01","loincCode":"718-7"}]}""");

        read.Problems.Select(p => (p.Field, p.Code)).Should().Equal(
            ("evaluationDate", ErrorCodes.WrongType),
            ("breastfeeding", ErrorCodes.WrongType),
            ("medications", ErrorCodes.WrongType),
            ("labResults[0].value", ErrorCodes.WrongType));
    }

    [Fact]
    public void Read_InvalidCalendarDate_NamesField() =>
        PatientFactsJson.Read("""{"evaluationDate":"2026-02-30"}""").Problems.Should().ContainSingle().Which.Should().Be(
            new ValidationProblem("evaluationDate", ErrorCodes.InvalidDate, "'2026-02-30' is not a calendar date in the form yyyy-MM-dd."));

    [Fact]
    public void Read_MissingEvaluationDate_IsAProblem() =>
        PatientFactsJson.Read("{}").Problems.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.EvaluationDateMissing);

    [Fact]
    public void Read_DateTime_IsAnInvalidDate() =>
        PatientFactsJson.Read("""{"evaluationDate":"2026-06-15T23:30:00+02:00"}""").Problems.Should().ContainSingle()
            .Which.Should().Match<ValidationProblem>(p => p.Field == "evaluationDate" && p.Code == ErrorCodes.InvalidDate);

    [Fact]
    public void Read_MissingGene_IsRequired() =>
        PatientFactsJson.Read("""{"evaluationDate":"2026-06-15","pharmacogenomics":[{"phenotype":"poor"}]}""").Problems.Should().ContainSingle().Which.Field.Should().Be("pharmacogenomics[0].gene");

    [Fact]
    public void Read_DeepNesting_ReportsMalformedInputWithoutThrowing()
    {
        var json = "{\"evaluationDate\":\"2026-06-15\",\"x\":" + new string('[', 200) + new string(']', 200) + "}";
        PatientFactsJson.Read(json).Problems.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.MalformedInput);
    }
}
