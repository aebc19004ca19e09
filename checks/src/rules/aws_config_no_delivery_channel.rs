//! `aws-config-no-delivery-channel`: an AWS Config recorder with nowhere to deliver.

use crate::{Check, CheckMeta, Example, Finding, Layer, Severity};
use palisade_model::Model;

pub static CHECK: Check = Check {
    meta: CheckMeta {
        id: "aws-config-no-delivery-channel",
        aliases: &[],
        title: "AWS Config recorder without a delivery channel",
        severity: Severity::Medium,
        service: "config",
        layer: Layer::Monitoring,
        description: "An AWS Config configuration recorder declared in a Terraform module or a \
            CloudFormation template that declares no delivery channel \
            (`aws_config_delivery_channel`, `AWS::Config::DeliveryChannel`).\n\nA recorder \
            cannot start without a delivery channel: nothing is recorded, no configuration \
            snapshot or history reaches S3, and the recorder silently stays off. The check \
            looks at the unit the recorder is declared in (the module with the modules it \
            calls, or the template): a channel kept elsewhere is reported, so keep the two \
            together.",
        remediation: "**Terraform:** declare `aws_config_delivery_channel` (an S3 bucket, \
            optionally an SNS topic) next to the recorder, and start it with \
            `aws_config_configuration_recorder_status` depending on the channel.\n\n\
            **CloudFormation:** declare `AWS::Config::DeliveryChannel` in the same template.",
        references: &[
            "AWS Foundational Security Best Practices Config.1",
            "https://docs.aws.amazon.com/config/latest/developerguide/manage-delivery-channel.html",
        ],
        equivalents: &[],
        examples: &[
            Example::bad("bad.tf", &[(1, "resource \"aws_config_configuration_recorder\" \"main\"")]),
            Example::good("good.tf"),
            Example::bad("bad.yaml", &[(3, "Recorder:")]),
            Example::good("good.yaml"),
            Example::bad("bad.json", &[(3, "\"Recorder\"")]),
            Example::good("good.json"),
        ],
    },
    run,
};

fn run(model: &Model, out: &mut Vec<Finding>) {
    if !model.config.delivery_channels.is_empty() {
        return;
    }
    for r in &model.config.recorders {
        let resource = model.resource(r.owner);
        out.push(Finding::on_resource(
            model,
            CHECK.meta.id,
            CHECK.meta.severity,
            r.owner,
            resource.header,
            format!(
                "AWS Config recorder {} has no delivery channel declared with it: a recorder \
                 without a channel cannot start, so nothing is recorded",
                resource.address
            ),
        ));
    }
}
