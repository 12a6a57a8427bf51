import { maskDeep, maskPersonalData } from '../src';

describe('maskPersonalData: e-mail addresses', () => {
  it('keeps the first character and the domain of every address in free text', () => {
    expect(maskPersonalData('申请人邮箱 zhangsan@example.com，抄送 Li.Si+case@mail.zwfw.gov.cn。')).toBe(
      '申请人邮箱 z***@example.com，抄送 L***@mail.zwfw.gov.cn。',
    );
    expect(maskPersonalData('"email":"a@qq.com"')).toBe('"email":"a***@qq.com"');
  });

  it('leaves a phone-like run inside an id alone, and still masks a number after Chinese text or punctuation', () => {
    const runId = 'catalogue-import-run:5f0c2d7e-9a41-4b8e-a1c3-a13912345678';
    expect(maskPersonalData(runId)).toBe(runId);
    expect(maskPersonalData('电话13912345678，tel:13912345678')).toBe('电话139****5678，tel:139****5678');
  });

  it('masks a mobile number used as the local part with the address, and is stable when applied twice', () => {
    expect(maskPersonalData('13812345678@163.com')).toBe('1***@163.com');
    expect(maskPersonalData(maskPersonalData('zhangsan@example.com'))).toBe('z***@example.com');
  });

  it('leaves what is not an address alone: a bare @, a handle, an address without a top-level domain', () => {
    for (const text of ['@', '请 @张三 处理', 'user@localhost', '邮箱：zhangsan@', 'a @ b.com'])
      expect(maskPersonalData(text)).toBe(text);
  });

  it('masks addresses nested in audit details, beside ID numbers and phones', () => {
    expect(
      maskDeep({
        applicant: { email: 'zhangsan@example.com', idNumber: '11010519491231002X', phone: '13812345678' },
        recipients: ['wangwu@example.org'],
      }),
    ).toEqual({
      applicant: { email: 'z***@example.com', idNumber: '110105********002X', phone: '138****5678' },
      recipients: ['w***@example.org'],
    });
  });
});
