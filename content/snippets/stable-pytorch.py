import torch
import torch.nn.functional as F

def focal_loss_stable(logits, targets, alpha=0.25, gamma=2.0):
    """Hard labels (0/1). x_t = x for y = 1, -x for y = 0."""
    x_t = logits * (2 * targets - 1)
    ce = F.softplus(-x_t)                  # -ln p_t, exact for any logit
    log_q = F.logsigmoid(-x_t)             # ln(1 - p_t), never 1 - p_t
    modulating = torch.exp(gamma * log_q)  # (1 - p_t)^gamma; its gradient has no q^(gamma-1)
    alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
    return alpha_t * modulating * ce

def focal_loss_naive(logits, targets, alpha=0.25, gamma=2.0):
    p = torch.sigmoid(logits)
    p_t = p * targets + (1 - p) * (1 - targets)
    alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
    return -alpha_t * (1 - p_t) ** gamma * torch.log(p_t)
