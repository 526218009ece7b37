import torch
import torch.nn.functional as F

def focal_loss(logits, targets, alpha=0.25, gamma=2.0):
    # Cross-entropy from logits: stable, no log of a rounded probability.
    ce = F.binary_cross_entropy_with_logits(logits, targets, reduction="none")
    p = torch.sigmoid(logits)
    p_t = p * targets + (1 - p) * (1 - targets)
    alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
    return alpha_t * (1 - p_t) ** gamma * ce   # the textbook form: see the pitfalls

logits = torch.tensor({{logits}}, dtype=torch.float64)
targets = torch.tensor({{targets}}, dtype=torch.float64)
loss = focal_loss(logits, targets).sum() / targets.sum().clamp(min=1)
# exact value for these inputs: {{sumOverPositives}}
