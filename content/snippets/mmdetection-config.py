# An MMDetection model config: the head's classification loss.
bbox_head = dict(
    type='RetinaHead',
    num_classes=80,
    loss_cls=dict(
        type='FocalLoss',
        use_sigmoid=True,   # the only mode FocalLoss supports
        gamma=2.0,
        alpha=0.25,
        loss_weight=1.0),
)
