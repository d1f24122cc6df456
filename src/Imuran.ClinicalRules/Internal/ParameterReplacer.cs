using System.Linq.Expressions;

namespace Imuran.ClinicalRules.Internal;

/// <summary>
/// Replaces one parameter of an expression by another expression: the rule builder and the compiled executor use it
/// to bind a condition to the facts bound so far, the validation pre-check to inline each rule's failure test.
/// </summary>
internal sealed class ParameterReplacer : ExpressionVisitor
{
    private readonly ParameterExpression _from;
    private readonly Expression _to;

    public ParameterReplacer(ParameterExpression from, Expression to)
    {
        _from = from;
        _to = to;
    }

    protected override Expression VisitParameter(ParameterExpression node) => node == _from ? _to : node;
}
