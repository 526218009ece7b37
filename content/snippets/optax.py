import jax.numpy as jnp
import optax

logits = jnp.array({{logits}})
labels = jnp.array({{targets}})

# alpha defaults to None (no weighting); the result is per element, unreduced.
per_anchor = optax.sigmoid_focal_loss(logits, labels, alpha=0.25, gamma=2.0)
loss = per_anchor.sum() / jnp.maximum(labels.sum(), 1.0)
# exact value for these inputs: {{sumOverPositives}}
