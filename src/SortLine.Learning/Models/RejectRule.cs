namespace SortLine.Learning.Models;

/// <summary>
/// When a pixel's prediction is not trusted and it is assigned to the reject (background) class instead of
/// the argmax class: the winning score is below <see cref="MinWinningScore"/>, or the winning score exceeds the
/// runner-up by less than <see cref="MinMargin"/>.
/// </summary>
/// <param name="RejectClass">Index of the class rejected pixels are assigned to (usually background, 0).</param>
/// <param name="MinWinningScore">Smallest winning score accepted, or null for no score rule. Scores are PLS-DA
/// predicted one-hot values, so 0.5 is a natural threshold.</param>
/// <param name="MinMargin">Smallest accepted difference between the best and second-best score, or null for no
/// margin rule.</param>
public sealed record RejectRule(int RejectClass, double? MinWinningScore, double? MinMargin);
