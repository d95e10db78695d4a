//! The SageMaker Python SDK's uploads, `session.upload_data(…)` and `S3Uploader.upload(…)`,
//! in an imported program: the URI they return is worked out from their arguments as the SDK
//! works it out (Session.upload_data, sagemaker/session.py; S3Uploader.upload,
//! sagemaker/s3.py; s3_path_join, sagemaker/s3_utils.py), with the default bucket and whether
//! the path is a file or a folder as holes. tests/clients/sdk_import.py runs the real SDK's
//! uploads against moto's S3 and compares; here each rule of the mapping is held, in boto3
//! programs and SDK ones.

use automl_rules::import::{import_detect, Imported};

/// A boto3 program whose channel's `S3Uri` is `uri` (an expression), after `setup`.
fn boto3(setup: &str, uri: &str) -> String {
    format!(
        "import boto3, sagemaker\nfrom sagemaker.s3 import S3Uploader\n{setup}\nsm = boto3.client('sagemaker')\nsm.create_auto_ml_job(AutoMLJobName='j', InputDataConfig=[{{'DataSource': {{'S3DataSource': {{'S3DataType': 'S3Prefix', 'S3Uri': {uri}}}}}, 'TargetAttributeName': 'y'}}], OutputDataConfig={{'S3OutputPath': 's3://b/o/'}}, RoleArn='arn:aws:iam::111122223333:role/r')\n"
    )
}

fn read(text: &str) -> Imported {
    import_detect(text)
        .unwrap_or_else(|e| panic!("{e}\n{text}"))
        .1
}

/// The channel's S3Uri and the markers of the holes in it.
fn uri(text: &str) -> (String, Vec<String>) {
    let imported = read(text);
    let value = imported
        .request
        .pointer("/InputDataConfig/0/DataSource/S3DataSource/S3Uri")
        .and_then(|n| n.as_str())
        .unwrap_or_else(|| panic!("no S3Uri: {text}"))
        .to_string();
    let markers = imported
        .holes()
        .filter(|d| d.path == "/InputDataConfig/0/DataSource/S3DataSource/S3Uri")
        .map(|d| {
            d.message
                .split(": fill in")
                .next()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    (value, markers)
}

const SESSION: &str =
    "sess = sagemaker.Session()\nbucket = sess.default_bucket()\nprefix = 'sagemaker/churn'";

#[test]
fn upload_data_returns_its_uri_with_the_unknown_parts_as_holes() {
    // (the call, the URI, the holes)
    let cases: &[(&str, &str, &[&str])] = &[
        // No bucket: the default bucket, named like the program's own variable for it.
        (
            "sess.upload_data(path='train.csv', key_prefix=prefix + '/input')",
            "s3://{bucket}/sagemaker/churn/input{/train.csv unless train.csv is a folder}",
            &["{bucket}", "{/train.csv unless train.csv is a folder}"],
        ),
        // The default key prefix is "data"; the file name is os.path.split's last part.
        (
            "sess.upload_data('/home/me/data/train.csv')",
            "s3://{bucket}/data{/train.csv unless /home/me/data/train.csv is a folder}",
            &[
                "{bucket}",
                "{/train.csv unless /home/me/data/train.csv is a folder}",
            ],
        ),
        // A bucket given: the key prefix as written, slashes and all.
        (
            "sess.upload_data('train.csv', bucket='my-data', key_prefix='/in//')",
            "s3://my-data//in//{/train.csv unless train.csv is a folder}",
            &["{/train.csv unless train.csv is a folder}"],
        ),
        // The default bucket: s3_path_join(default_bucket_prefix, key_prefix).
        (
            "sess.upload_data('train.csv', key_prefix='/in//x/')",
            "s3://{bucket}/in/x{/train.csv unless train.csv is a folder}",
            &["{bucket}", "{/train.csv unless train.csv is a folder}"],
        ),
        // A path ending in '/' is a folder (or an upload that fails): no name after it.
        (
            "sess.upload_data('data/', bucket=bucket, key_prefix=prefix)",
            "s3://{bucket}/sagemaker/churn",
            &["{bucket}"],
        ),
        ("sess.upload_data('.', bucket='b')", "s3://b/data", &[]),
        // A false bucket is the default one; key_prefix None beside a bucket is "None".
        (
            "sess.upload_data('d/', bucket='', key_prefix=None)",
            "s3://{bucket}/",
            &["{bucket}"],
        ),
        ("sess.upload_data('d/', 'b', None)", "s3://b/None", &[]),
        // A bucket variable with a hole is taken as given.
        (
            "sess.upload_data('d/', bucket=f'{bucket}-raw')",
            "s3://{bucket}-raw/data",
            &["{bucket}"],
        ),
    ];
    for (call, want, holes) in cases {
        let (got, markers) = uri(&boto3(SESSION, call));
        assert_eq!(got, *want, "{call}");
        assert_eq!(markers, *holes, "{call}");
    }
}

#[test]
fn a_session_without_a_default_bucket_variable_is_named_by_its_call() {
    let (got, markers) = uri(&boto3(
        "",
        "sagemaker.Session().upload_data('train.csv', key_prefix='p')",
    ));
    assert_eq!(
        got,
        "s3://{sagemaker.Session().default_bucket()}/p{/train.csv unless train.csv is a folder}"
    );
    assert_eq!(markers.len(), 2);
    let imported = read(&boto3(
        "s = sagemaker.Session()",
        "s.upload_data('train.csv', key_prefix='p')",
    ));
    let messages: Vec<&str> = imported.holes().map(|d| d.message.as_str()).collect();
    assert!(
        messages[0].starts_with("{s.default_bucket()}: fill in the value of s.default_bucket(), which the SageMaker Python SDK works out when the program runs: upload_data(…) is given no bucket, so the SDK uploads to the session's default bucket (Session.upload_data, sagemaker/session.py; with the session's default_bucket_prefix"),
        "{messages:?}"
    );
    // Whether the path is a file or a folder is said, not guessed.
    assert!(
        messages[1].contains("with \"/train.csv\" after it when train.csv is a file and nothing when it is a folder (os.path.isdir in Session.upload_data, sagemaker/session.py): which one it is is known only when the program runs"),
        "{messages:?}"
    );
}

#[test]
fn s3_uploader_upload_returns_its_uri() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "S3Uploader.upload('data/val', 's3://b/churn/val/')",
            "s3://b/churn/val/{/val unless data/val is a folder}",
            &["{/val unless data/val is a folder}"],
        ),
        (
            "sagemaker.s3.S3Uploader.upload(local_path='train.csv', desired_s3_uri=f's3://{bucket}/{prefix}')",
            "s3://{bucket}/sagemaker/churn{/train.csv unless train.csv is a folder}",
            &["{bucket}", "{/train.csv unless train.csv is a folder}"],
        ),
        // No bucket in the URI: the session's default one, the key as s3_path_join makes it.
        (
            "S3Uploader.upload('d/', 's3:///x//y/', sagemaker_session=sess)",
            "s3://{bucket}/x/y",
            &["{bucket}"],
        ),
    ];
    for (call, want, holes) in cases {
        let (got, markers) = uri(&boto3(SESSION, call));
        assert_eq!(got, *want, "{call}");
        assert_eq!(markers, *holes, "{call}");
    }
}

/// What the reader does not work out stays one hole naming the call, as any call.
#[test]
fn uploads_not_worked_out_are_one_hole() {
    for call in [
        "sess.upload_data(*paths)",
        "sess.upload_data(path, key_prefix='p')",
        "sess.upload_data(f'data/{name}', key_prefix='p')",
        "sess.upload_data('a.csv', key_prefix='p', unknown=1)",
        "sess.upload_data('', key_prefix='p')",
        "sess.upload_data('a.csv', bucket=7)",
        "S3Uploader.upload('a.csv', 'https://b/x')",
        "S3Uploader.upload('a.csv', 's3://b/x?y')",
        "S3Uploader.upload('a.csv')",
    ] {
        let (got, markers) = uri(&boto3(SESSION, call));
        assert_eq!(got, format!("{{{call}}}"), "{call}");
        assert_eq!(markers, [format!("{{{call}}}")], "{call}");
    }
}

/// The SDK's AutoML: an uploaded file's URI given to fit().
#[test]
fn an_uploaded_file_given_to_automl_fit() {
    let text = "import sagemaker\nfrom sagemaker import AutoML\nsess = sagemaker.Session()\nbucket = sess.default_bucket()\ntrain_s3 = sess.upload_data(path='train.csv', key_prefix='churn/input')\nautoml = AutoML(role='arn:aws:iam::111122223333:role/r', target_attribute_name='y', output_path=f's3://{bucket}/out')\nautoml.fit(train_s3, job_name='j')\n";
    let (got, markers) = uri(text);
    assert_eq!(
        got,
        "s3://{bucket}/churn/input{/train.csv unless train.csv is a folder}"
    );
    assert_eq!(markers.len(), 2);
}
