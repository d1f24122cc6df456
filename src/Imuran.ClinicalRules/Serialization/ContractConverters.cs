using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;

namespace Imuran.ClinicalRules.Serialization;

/// <summary>Writes an <see cref="EvaluationResult"/> with <see cref="EvaluationResultJson"/>: one truth for the contract.</summary>
internal sealed class EvaluationResultJsonConverter : JsonConverter<EvaluationResult>
{
    public override EvaluationResult Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("The evaluation-result contract is written, not read: evaluate the patient facts instead.");

    public override void Write(Utf8JsonWriter writer, EvaluationResult value, JsonSerializerOptions options) =>
        EvaluationResultJson.WriteObject(value, writer);
}

/// <summary>Writes a <see cref="Finding"/> as the contract's finding object.</summary>
internal sealed class FindingJsonConverter : JsonConverter<Finding>
{
    public override Finding Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Findings are written, not read: they come from evaluating patient facts.");

    public override void Write(Utf8JsonWriter writer, Finding value, JsonSerializerOptions options) =>
        EvaluationResultJson.WriteFinding(value, writer);
}

/// <summary>Reads and writes patient facts with <see cref="PatientFactsJson"/> and <see cref="PatientFactsJsonWriter"/>.</summary>
internal sealed class PatientFactsJsonConverter : JsonConverter<PatientFacts>
{
    /// <exception cref="JsonException">The facts have problems; the message lists each with its field.</exception>
    public override PatientFacts Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var read = PatientFactsJson.Read(document.RootElement);
        if (!read.Succeeded)
        {
            throw new JsonException("The patient facts have problems: " + string.Join("; ", read.Problems.Select(p => $"{p.Field}: {p.Code}: {p.Message}")));
        }

        return read.Facts;
    }

    public override void Write(Utf8JsonWriter writer, PatientFacts value, JsonSerializerOptions options) =>
        PatientFactsJsonWriter.Write(value, writer);
}

/// <summary>A <see cref="ClinicalDate"/> as <c>yyyy-MM-dd</c> text.</summary>
internal sealed class ClinicalDateJsonConverter : JsonConverter<ClinicalDate>
{
    public override ClinicalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && ClinicalDate.TryParse(reader.GetString(), out var date))
        {
            return date;
        }

        throw new JsonException("A date must be text in the form yyyy-MM-dd.");
    }

    public override void Write(Utf8JsonWriter writer, ClinicalDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

/// <summary>This library's enums as the contract's camelCase names (<see cref="JsonNames"/>); numbers are refused.</summary>
internal sealed class ContractEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsEnum && typeToConvert.Assembly == typeof(ContractEnumConverterFactory).Assembly;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ContractEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class ContractEnumConverter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String && JsonNames.TryParse<TEnum>(reader.GetString(), out var value))
            {
                return value;
            }

            throw new JsonException($"Expected one of: {JsonNames.Allowed<TEnum>()}.");
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(JsonNames.Of(value));
    }
}
