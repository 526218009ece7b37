import numpy as np
import keras

logits = np.array({{logits}})
targets = np.array({{targets}})

# Defaults: apply_class_balancing=False (alpha is NOT applied), from_logits=False
# (inputs are taken as probabilities!), reduction="sum_over_batch_size".
loss_fn = keras.losses.BinaryFocalCrossentropy(gamma=2.0, from_logits=True)
print(loss_fn(targets, logits))   # exact value: {{kerasDefaultMean}}

balanced = keras.losses.BinaryFocalCrossentropy(
    apply_class_balancing=True, alpha=0.25, gamma=2.0, from_logits=True)
print(balanced(targets, logits))  # exact value: {{kerasBalancedMean}}
